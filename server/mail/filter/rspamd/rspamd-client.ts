import { performance } from "node:perf_hooks";
import { env } from "@/server/shared/env";
import { FilterUnavailableError } from "../filter-unavailable";
import { rspamdPost } from "./rspamd-http";

// The engine's only way to rspamd (issue 8): /checkv2 on the normal worker for a verdict,
// /learnspam and /learnham on the controller for Bayes. Any failure to get a verdict is a
// FilterUnavailableError, so the caller answers 451 and never delivers a message unscanned.

export type ScanEnvelope = {
  ip: string;
  helo: string;
  from: string;
  rcpt: string[];
  user?: string | null;
  queueId?: string;
  /** The client's verified reverse-DNS name; "unknown" (the MTA convention) when absent. */
  hostname?: string | null;
};
export type RspamdSymbol = { name: string; score: number; description?: string; options?: string[] };
export type RspamdResult = { score: number; requiredScore: number; action: string; symbols: RspamdSymbol[]; ms: number };

type CheckJson = {
  score?: unknown;
  required_score?: unknown;
  action?: unknown;
  symbols?: Record<string, { name?: string; score?: number; description?: string; options?: string[] }>;
};

/** Scans one message. Symbols come sorted by score, highest first. */
export async function rspamdCheck(
  bytes: Buffer,
  envelope: ScanEnvelope,
  opts: { url?: string; timeoutMs?: number } = {},
): Promise<RspamdResult> {
  const e = env();
  // Passing the SMTP facts as headers keeps rspamd from re-deriving them (slow PTR lookups,
  // guessing the sender from Received lines).
  const headers: Record<string, string | string[]> = {
    IP: envelope.ip,
    Helo: envelope.helo,
    Hostname: envelope.hostname || "unknown",
    From: envelope.from,
  };
  if (envelope.rcpt.length > 0) headers.Rcpt = envelope.rcpt;
  if (envelope.user) headers.User = envelope.user;
  if (envelope.queueId) headers["Queue-Id"] = envelope.queueId;
  for (const [k, v] of Object.entries(headers)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      // A CR/LF in a header value would be a request-smuggling hole; node refuses it anyway.
      if (/[\r\n]/.test(one)) throw new FilterUnavailableError("rspamd", `envelope field ${k} contains a line break`);
    }
  }
  const started = performance.now();
  const reply = await rspamdPost(opts.url ?? e.RSPAMD_URL, "checkv2", bytes, headers, opts.timeoutMs ?? e.RSPAMD_TIMEOUT_MS);
  const ms = performance.now() - started;
  if (reply.status !== 200) {
    throw new FilterUnavailableError("rspamd", `checkv2 answered HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
  }
  let json: CheckJson;
  try {
    json = JSON.parse(reply.body) as CheckJson;
  } catch (cause) {
    throw new FilterUnavailableError("rspamd", `checkv2 answered something that is not JSON: ${reply.body.slice(0, 200)}`, { cause });
  }
  if (typeof json.score !== "number" || typeof json.action !== "string") {
    throw new FilterUnavailableError("rspamd", `checkv2 answer has no score/action: ${reply.body.slice(0, 200)}`);
  }
  const symbols = Object.entries(json.symbols ?? {})
    .map(([name, s]): RspamdSymbol => {
      const sym: RspamdSymbol = { name: s.name ?? name, score: typeof s.score === "number" ? s.score : 0 };
      if (s.description) sym.description = s.description;
      if (Array.isArray(s.options) && s.options.length > 0) sym.options = s.options;
      return sym;
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const missing = secondOpinionMissing(symbols);
  if (missing) throw missing;
  return {
    score: json.score,
    requiredScore: typeof json.required_score === "number" ? json.required_score : NaN,
    action: json.action,
    symbols,
    ms,
  };
}

/**
 * rspamd inserts SPAMD_FAIL when SpamAssassin's spamd did not answer (config/rspamd/local.d/
 * external_services.conf). Its verdict then lacks the half the thresholds were tuned with
 * (docs/spam.md), so it is no verdict: 451, like rspamd itself being down. Pure; exported for
 * the unit test.
 */
export function secondOpinionMissing(symbols: readonly RspamdSymbol[]): FilterUnavailableError | null {
  const failed = symbols.find((s) => s.name === "SPAMD_FAIL");
  if (!failed) return null;
  return new FilterUnavailableError("spamassassin", `rspamd could not get spamd's score: ${failed.options?.join("; ") || "no detail"}`);
}

/**
 * Teaches Bayes one message. A message rspamd already learned (or declines to learn) is
 * `learned: false` with rspamd's reason; anything else short of success throws.
 */
export async function rspamdLearn(
  kind: "spam" | "ham",
  bytes: Buffer,
  opts: { url?: string; password?: string; timeoutMs?: number } = {},
): Promise<{ learned: boolean; detail: string }> {
  const e = env();
  const headers = {
    Password: opts.password ?? e.RSPAMD_PASSWORD,
    // Without "bulk" rspamd refuses to learn what it already classifies confidently.
    "Learn-Type": "bulk",
  };
  const reply = await rspamdPost(
    opts.url ?? e.RSPAMD_CONTROLLER_URL,
    kind === "spam" ? "learnspam" : "learnham",
    bytes,
    headers,
    opts.timeoutMs ?? e.RSPAMD_TIMEOUT_MS,
  );
  const detail = learnDetail(reply.body);
  if (reply.status === 200) {
    if (/"success"\s*:\s*true/.test(reply.body)) return { learned: true, detail: detail || "learned" };
    throw new FilterUnavailableError("rspamd", `learn${kind} answered 200 without success: ${reply.body.slice(0, 200)}`);
  }
  // 208: already learned as this class; 204: rspamd's learn conditions declined the message.
  if (reply.status === 208 || reply.status === 204 || /already learned/i.test(detail)) {
    return { learned: false, detail: detail || (reply.status === 204 ? "all learn conditions denied" : "already learned") };
  }
  throw new FilterUnavailableError("rspamd", `learn${kind} answered HTTP ${reply.status}: ${detail || reply.body.slice(0, 200)}`);
}

function learnDetail(body: string): string {
  if (!body.trimStart().startsWith("{")) return body.trim().slice(0, 200);
  try {
    const json = JSON.parse(body) as { error?: unknown; success?: unknown };
    if (typeof json.error === "string") return json.error;
    return "";
  } catch {
    return body.trim().slice(0, 200);
  }
}
