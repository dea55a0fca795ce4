import { readStoredMessage } from "@/server/mail/store/read-message";
import { mailHostname } from "@/server/mail/paths";
import { env } from "@/server/shared/env";
import { signOutgoing } from "./dkim/sign-outgoing";
import { lookupMailRoute } from "./lookup-mail-route";
import { handOff, type HandoffResult } from "./smtp-handoff";
import type { AttemptRecord, OutboxRow } from "./outbox-rows";

// One attempt at handing a row's message to the recipient's exchanges, in MX order. What ends it:
// a 250 (relayed); a 5xx to the envelope or the data (bounced); a 4xx to them, or a session that
// dropped once the transaction began (deferred — the remote may or may not have taken the data,
// and only a later try can tell us more). Failures before the transaction (refused, timed out,
// a 4xx/5xx greeting) move on to the next address or exchange, as RFC 5321 §5.1 asks.

/** What one attempt came to: the DeliveryAttempt row, plus the RFC 3463 status for a DSN (the remote's enhanced code, or ours). */
export type AttemptResult = AttemptRecord & { status: string };

function fromReply(r: Extract<HandoffResult, { kind: "accepted" | "rejected" }>, host: string, ip: string, started: number): AttemptResult {
  const outcome = r.kind === "accepted" ? "relayed" : r.permanent ? "bounced" : "deferred";
  const status = r.enhanced ?? (r.kind === "accepted" ? "2.0.0" : r.permanent ? "5.0.0" : "4.0.0");
  return { outcome, status, mxHost: host, ip, code: r.code, enhanced: r.enhanced, response: r.response, tls: r.tls, durationMs: performance.now() - started };
}

export async function attemptDelivery(row: Pick<OutboxRow, "domain" | "recipient" | "mailFrom" | "tenantId" | "path">, budgetMs: number): Promise<AttemptResult> {
  const started = performance.now();
  const bare = (outcome: AttemptResult["outcome"], status: string, response: string): AttemptResult => ({
    outcome,
    status,
    mxHost: null,
    ip: null,
    code: null,
    enhanced: null,
    response,
    tls: false,
    durationMs: performance.now() - started,
  });

  // The engine only queues addresses it parsed; a row without a domain can never be routed.
  if (!row.domain) return bare("bounced", "5.1.3", `the recipient address ${JSON.stringify(row.recipient)} has no domain`);
  const route = await lookupMailRoute(row.domain);
  if (route.kind !== "hosts") return bare(route.kind === "bounce" ? "bounced" : "deferred", route.status, route.reason);

  let bytes: Buffer;
  try {
    // Signed at send time, so a key rotated while the row waited signs with the current key.
    bytes = (await signOutgoing(await readStoredMessage(row.path), { mailFrom: row.mailFrom, tenantId: row.tenantId })).bytes;
  } catch (e) {
    // Never sent unsigned or cut short: a store or key problem is ours, and may pass.
    return bare("deferred", "4.3.0", `the message could not be prepared: ${e instanceof Error ? e.message : String(e)}`);
  }

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), budgetMs);
  const notes: string[] = [];
  let last: { host: string; ip: string; tls: boolean } | null = null;
  try {
    for (const host of route.hosts) {
      for (const ip of host.addresses) {
        if (deadline.signal.aborted) break;
        const r = await handOff({
          host: host.host,
          address: ip,
          port: env().OUTBOUND_SMTP_PORT,
          name: mailHostname(),
          mailFrom: row.mailFrom,
          rcpt: row.recipient,
          bytes,
          timeoutMs: env().OUTBOUND_TIMEOUT_SECONDS * 1000,
          signal: deadline.signal,
        });
        last = { host: host.host, ip, tls: r.tls };
        if (r.kind === "accepted") return fromReply(r, host.host, ip, started);
        if (r.stage === "transaction") {
          if (r.kind === "rejected") return fromReply(r, host.host, ip, started);
          return { ...bare("deferred", "4.4.2", `${host.host} [${ip}] dropped the session before accepting the message: ${r.reason}`), mxHost: host.host, ip, tls: r.tls };
        }
        notes.push(`${host.host} [${ip}]: ${r.kind === "rejected" ? r.response : r.reason}`);
      }
    }
  } finally {
    clearTimeout(timer);
  }
  const reason = deadline.signal.aborted ? `the attempt's time ran out (${notes.join("; ") || "no answer"})` : `no exchange took the session: ${notes.join("; ")}`;
  return { ...bare("deferred", "4.4.1", reason), mxHost: last?.host ?? null, ip: last?.ip ?? null, tls: last?.tls ?? false };
}
