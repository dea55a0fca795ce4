import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { messageLatencyMs } from "@/server/mail/log/message-latency";
import { mailMetrics } from "@/server/operations/monitoring/metrics/mail-metrics";
import { attemptDelivery, type AttemptResult } from "./attempt-delivery";
import { acquireDomainSlot, type Slot } from "./domain-slots";
import { dispatchRows } from "./enqueue-outbound";
import { claimOutboxRow, loadOutboxRow, postponeOutboxRow, releaseClaim, settleOutboxRow, type OutboxRow, type Settlement } from "./outbox-rows";
import { afterTemporaryFailure, GAVE_UP_STATUS } from "./retry-schedule";
import { sendBounceDsn } from "./send-relay-dsn";

// The outboundDelivery job's handler: one attempt for one outbox row. The row decides; the job
// only says "look at row N". A job for a row that is not due, already final or held by another
// worker does nothing, so duplicate and stale jobs are harmless.

const log = logger("mail.outbound");

/** An attempt may use this many OUTBOUND_TIMEOUT_SECONDS in all (several exchanges, a slow peer). */
export const ATTEMPT_TIMEOUTS = 4;
/** The lease outlasts the attempt's own deadline by this much, so a live worker never loses it. */
export const LEASE_MARGIN_MS = 30_000;
/** How long a job waits for a free slot of its domain before it puts the row off. */
export const SLOT_PATIENCE_MS = 1_000;
const SLOT_POLL_MS = 50;
/** A row whose domain is busy is put off this long (plus up to as much again, so waiters spread out). */
export const BUSY_WAIT_MS = 2_000;
/** A row whose message file is still being fsynced is looked at again this soon… */
export const UNSYNCED_RECHECK_MS = 1_500;
/** …while the mark is younger than this; an older mark is a crash the engine settles at its next start, and the sweeper picks the row up then. */
export const UNSYNCED_PATIENCE_MS = 30_000;
const SETTLE_TRIES = 4;
const SETTLE_RETRY_MS = 1_000;
/** After an unexpected error the row is tried again this soon. */
const ERROR_RETRY_MS = 60_000;

export type DeliveryOutcome = "relayed" | "deferred" | "bounced" | "gone" | "not-due" | "unsynced" | "busy" | "lease-lost";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function slotFor(domain: string, holdMs: number): Promise<Slot | null> {
  const until = performance.now() + SLOT_PATIENCE_MS;
  for (;;) {
    const slot = await acquireDomainSlot(domain, holdMs);
    if (slot || performance.now() + SLOT_POLL_MS > until) return slot;
    await sleep(SLOT_POLL_MS);
  }
}

/** What an attempt that began at `startedAt` (before dialling) and ended `now` comes to for the row and its log line. */
function settlementOf(row: OutboxRow, r: AttemptResult, startedAt: Date, now: Date): { settlement: Settlement; dsnStatus: string | null } {
  const settled = (s: Omit<Settlement, "latencyMs">): Settlement => ({ ...s, latencyMs: messageLatencyMs(row.receivedAt, startedAt) });
  const attempt = { outcome: r.outcome, mxHost: r.mxHost, ip: r.ip, code: r.code, enhanced: r.enhanced, response: r.response, tls: r.tls, durationMs: r.durationMs };
  const where = r.mxHost ? `${r.mxHost}${r.ip ? ` [${r.ip}]` : ""}` : null;
  if (r.outcome === "relayed") {
    const reason = `relayed to ${where}${r.tls ? " over TLS" : ""}: ${r.response}`;
    return { settlement: settled({ status: "relayed", nextAttemptAt: now, lastError: null, reason, attempt }), dsnStatus: null };
  }
  if (r.outcome === "bounced") {
    const reason = where ? `refused by ${where}: ${r.response}` : `undeliverable: ${r.response}`;
    return { settlement: settled({ status: "bounced", nextAttemptAt: now, lastError: reason, reason, attempt }), dsnStatus: r.status };
  }
  const next = afterTemporaryFailure({ queuedAt: row.createdAt, failedAttempts: row.attempts + 1, now });
  const why = where ? `${where}: ${r.response}` : r.response;
  if (next.kind === "give-up") {
    const reason = `gave up after ${row.attempts + 1} attempts over 5 days; last: ${why}`;
    return { settlement: settled({ status: "bounced", nextAttemptAt: now, lastError: reason, reason, attempt: { ...attempt, outcome: "bounced" } }), dsnStatus: GAVE_UP_STATUS };
  }
  const reason = `deferred (attempt ${row.attempts + 1}, next at ${next.at.toISOString()}): ${why}`;
  return { settlement: settled({ status: "deferred", nextAttemptAt: next.at, lastError: why, reason, attempt }), dsnStatus: null };
}

/**
 * The outcome must reach the row, above all after a 250: a row handed back instead would be
 * sent twice. A failing database gets a few tries; if it stays down the row keeps its lease,
 * and the sweeper's take-back after it is the one duplicate window (docs/outbound.md).
 */
async function settleWithRetries(row: OutboxRow, leaseUntil: Date, settlement: Settlement, at: Date): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await settleOutboxRow(row, leaseUntil, settlement, at);
    } catch (e) {
      if (attempt >= SETTLE_TRIES) throw e;
      log.warn("could not record the attempt; trying again", { outboxItemId: String(row.id), outcome: settlement.status, error: e instanceof Error ? e.message : String(e) });
      await sleep(SETTLE_RETRY_MS * attempt);
    }
  }
}

/** The workers' relay metrics: counted once the row holds the outcome, so a lost lease is not counted twice. */
function countAttempt(s: Settlement, durationMs: number): void {
  const outcome = s.status;
  mailMetrics.relayAttempts().inc({ outcome });
  mailMetrics.relaySeconds().observe({ outcome }, durationMs / 1000);
  // Fully received → handed to the remote server; for a row deferred before, its retries are in it.
  if (outcome === "relayed") mailMetrics.deliveryLatency().observe({ direction: "outbound" }, s.latencyMs / 1000);
}

export async function deliverOutboxItem(id: bigint): Promise<DeliveryOutcome> {
  const row = await loadOutboxRow(id);
  if (!row) return "gone";
  const now = clock.now();
  if ((row.status !== "queued" && row.status !== "deferred") || row.nextAttemptAt > now) return "not-due";
  if (row.markedAt) {
    // The engine commits rows while the file's fsync still runs and drops the mark just after;
    // a fresh mark is that window, an old one a crash (the sweeper takes the row after recovery).
    if (now.getTime() - row.markedAt.getTime() < UNSYNCED_PATIENCE_MS) await dispatchRows([row], `-u${Date.now()}`, UNSYNCED_RECHECK_MS);
    return "unsynced";
  }

  const budgetMs = ATTEMPT_TIMEOUTS * env().OUTBOUND_TIMEOUT_SECONDS * 1000;
  const slot = await slotFor(row.domain, budgetMs + LEASE_MARGIN_MS);
  if (!slot) {
    const until = new Date(now.getTime() + BUSY_WAIT_MS + Math.floor(Math.random() * BUSY_WAIT_MS));
    if (await postponeOutboxRow(id, now, until)) await dispatchRows([{ id, nextAttemptAt: until }]);
    return "busy";
  }

  const claimedAt = clock.now();
  const leaseUntil = new Date(claimedAt.getTime() + budgetMs + LEASE_MARGIN_MS);
  let settled: { settlement: Settlement; dsnStatus: string | null; ours: boolean; durationMs: number };
  try {
    if (!(await claimOutboxRow(id, claimedAt, leaseUntil))) return "not-due";
    let result: AttemptResult;
    try {
      result = await attemptDelivery(row, budgetMs);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      log.error("delivery attempt failed unexpectedly; the row is retried", { outboxItemId: String(id), error });
      const at = clock.now();
      const until = new Date(at.getTime() + ERROR_RETRY_MS);
      if (await releaseClaim(id, leaseUntil, at, until, `internal error: ${error}`).catch(() => false)) await dispatchRows([{ id, nextAttemptAt: until }]);
      return "deferred";
    }
    const at = clock.now();
    const { settlement, dsnStatus } = settlementOf(row, result, claimedAt, at);
    settled = { settlement, dsnStatus, ours: await settleWithRetries(row, leaseUntil, settlement, at), durationMs: result.durationMs };
  } finally {
    await slot.release();
  }

  const { settlement, dsnStatus, ours, durationMs } = settled;
  if (!ours) {
    log.warn("lease taken back before the attempt was recorded", { outboxItemId: String(id), outcome: settlement.status });
    return "lease-lost";
  }
  countAttempt(settlement, durationMs);
  if (settlement.status === "deferred") await dispatchRows([{ id, nextAttemptAt: settlement.nextAttemptAt }]);
  if (dsnStatus) await sendBounceDsn(row, settlement, dsnStatus);
  return settlement.status;
}
