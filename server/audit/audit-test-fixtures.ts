// Shared by the audit integration tests (and workers/*.int.test.ts): tenants, session users of
// every role, and bulk operation-log rows. Not imported by application code.
import type { Prisma } from "@/server/generated/prisma/client.ts";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import superjson from "superjson";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";

export async function seedAuditWorld() {
  const tenantA = await db.tenant.create({ data: { name: "甲公司" } });
  const tenantB = await db.tenant.create({ data: { name: "Beta Ltd" } });
  const user = (id: string, role: SessionUser["role"], more: Partial<SessionUser> = {}): SessionUser => ({
    id,
    email: `${id}@example.test`,
    name: id,
    role,
    tenantId: null,
    resellerId: null,
    ...more,
  });
  const users = {
    operator: user("ops", "operator"),
    otherOperator: user("ops2", "operator"),
    adminA: user("admin-a", "tenant_admin", { tenantId: tenantA.id }),
    adminB: user("admin-b", "tenant_admin", { tenantId: tenantB.id }),
    reseller: user("reseller", "reseller", { resellerId: "r1" }),
  };
  return { tenantA, tenantB, users };
}

/** `count` rows built by `make(i)`, inserted in chunks (createMany keeps each INSERT bounded). */
export async function seedAuditEvents(
  count: number,
  make: (i: number) => Partial<Prisma.AuditEventCreateManyInput>,
): Promise<void> {
  const CHUNK = 1_000;
  for (let start = 0; start < count; start += CHUNK) {
    const data: Prisma.AuditEventCreateManyInput[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      data.push({ action: "test.event", result: "success", occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000), ...make(i) });
    }
    await db.auditEvent.createMany({ data });
  }
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Calls a procedure through the real fetch adapter, so the error comes back formatted exactly
 * as the browser sees it (code, message, data.fieldErrors).
 */
export async function callOverHttp(user: SessionUser | null, path: string, input: unknown, kind: "query" | "mutation" = "query") {
  const serialized = JSON.stringify(superjson.serialize(input));
  const url = `http://test.local/api/trpc/${path}` + (kind === "query" ? `?input=${encodeURIComponent(serialized)}` : "");
  const req = new Request(url, kind === "query" ? {} : { method: "POST", body: serialized, headers: { "content-type": "application/json" } });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => makeContext(user) });
  const body = superjson.deserialize((await res.json()).error ?? {}) as {
    code?: number;
    message?: string;
    data?: { code: string; fieldErrors: Record<string, string[]> | null; domainCode: string | null };
  };
  return { status: res.status, error: res.ok ? null : body };
}
