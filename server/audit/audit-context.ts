import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@/server/generated/prisma/client.ts";

// The operation log is complete by construction (docs/security.md, "Operation log"): every tRPC
// mutation runs inside one of these scopes, recordAudit counts what it wrote there, and the
// mutation middleware (server/trpc/init.ts) writes a fallback entry when the use case wrote none.

export type AuditScope = { successes: number; failures: number };

const storage = new AsyncLocalStorage<AuditScope>();

/** Runs `fn` in a fresh scope and hands back the scope with what was recorded inside it. */
export async function withAuditScope<T>(fn: () => Promise<T>): Promise<{ value: T; scope: AuditScope }> {
  const scope: AuditScope = { successes: 0, failures: 0 };
  const value = await storage.run(scope, fn);
  return { value, scope };
}

/** Called by recordAudit after a row was written; a no-op outside any scope (jobs, webhooks, seeds). */
export function countAuditEntry(result: "success" | "failure"): void {
  const scope = storage.getStore();
  if (!scope) return;
  if (result === "failure") scope.failures += 1;
  else scope.successes += 1;
}

// ── Input summaries: what the caller sent, small and without secrets ─────────────────────────

/** Keys whose values never reach the log: passwords, TOTP secrets and codes, reset tokens, recovery codes. */
export const SECRET_KEY = /password|secret|token|code|recovery/i;
export const REDACTED = "[redacted]";
const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;
/** A log row stays small whatever was sent (a logo data URL, a CSV import). */
export const MAX_SUMMARY_BYTES = 4096;

function summarise(value: unknown, depth: number): Prisma.InputJsonValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} characters)` : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value !== "object") return `[${typeof value}]`;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "[binary]";
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarise(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS * 2)) {
    if (v === undefined) continue;
    out[key] = SECRET_KEY.test(key) ? REDACTED : summarise(v, depth + 1);
  }
  return out;
}

/**
 * The input of a call as it may be logged: secret-looking keys redacted at every depth, long
 * strings and lists cut, and, when it is still over MAX_SUMMARY_BYTES, only its top-level keys.
 */
export function summariseInput(input: unknown): Prisma.InputJsonValue | null {
  const summary = summarise(input, 0);
  if (JSON.stringify(summary ?? null).length <= MAX_SUMMARY_BYTES) return summary;
  const keys = input && typeof input === "object" && !Array.isArray(input) ? Object.keys(input).slice(0, 50) : [];
  return { truncated: true, keys };
}
