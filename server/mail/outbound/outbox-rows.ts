import { db } from "@/server/shared/db";
import { domainOf } from "./mail-route";

// The outbox row is the truth of a remote copy (architecture: MariaDB is the truth, Redis only
// dispatches). Every change is one conditional UPDATE, so two jobs for one row, or a job and the
// sweeper, can never both act: the claim moves queued/deferred → sending with a lease, and the
// settlement applies only while that very lease (its leaseUntil, to the millisecond) still holds.

export type OutboxRow = {
  id: bigint;
  messageId: string;
  recipient: string;
  tenantId: string | null;
  domain: string;
  status: "queued" | "sending" | "deferred" | "relayed" | "bounced";
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  warnedAt: Date | null;
  mailFrom: string;
  path: string;
  /** When the store marked the message's file as not yet fsynced; null once it is durable. */
  markedAt: Date | null;
  /** When the engine had the message in full (its delivery-log lines' receivedAt): where send latency starts. */
  receivedAt: Date;
};

export async function loadOutboxRow(id: bigint): Promise<OutboxRow | null> {
  // One round trip (Prisma's include would make three): this runs before every attempt.
  const rows = await db.$queryRaw<(Omit<OutboxRow, "domain" | "attempts"> & { domain: string; attempts: number | bigint })[]>`
    SELECT o.id, o.messageId, o.recipient, o.tenantId, o.domain, o.status, o.attempts, o.nextAttemptAt, o.createdAt, o.warnedAt,
           m.mailFrom, m.path, m.receivedAt, u.createdAt AS markedAt
    FROM OutboxItem o JOIN MailMessage m ON m.id = o.messageId LEFT JOIN UnsyncedMessage u ON u.messageId = o.messageId
    WHERE o.id = ${id}`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    id: BigInt(row.id),
    attempts: Number(row.attempts),
    // Rows written before the engine filled `domain` carry "": the recipient's domain then. An
    // address without "@" has no domain whatever the column says (the attempt bounces it).
    domain: domainOf(row.recipient) === null ? "" : row.domain || domainOf(row.recipient)!,
  };
}

/**
 * Takes the row for one attempt: due, not final, not held by anyone, and its message's file
 * durable (no UnsyncedMessage mark). Counts the attempt. False when any of that is not so.
 */
export async function claimOutboxRow(id: bigint, now: Date, leaseUntil: Date): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE OutboxItem SET status = 'sending', leaseUntil = ${leaseUntil}, attempts = attempts + 1, updatedAt = ${now}
    WHERE id = ${id} AND status IN ('queued', 'deferred') AND nextAttemptAt <= ${now}
      AND NOT EXISTS (SELECT 1 FROM UnsyncedMessage u WHERE u.messageId = OutboxItem.messageId)`;
  return n === 1;
}

/** Moves a due, unclaimed row's next attempt to `until` (its domain had no free slot); not an attempt. */
export async function postponeOutboxRow(id: bigint, now: Date, until: Date): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE OutboxItem SET nextAttemptAt = ${until}, updatedAt = ${now}
    WHERE id = ${id} AND status IN ('queued', 'deferred') AND nextAttemptAt <= ${now}`;
  return n === 1;
}

export type AttemptRecord = {
  outcome: "relayed" | "deferred" | "bounced";
  mxHost: string | null;
  ip: string | null;
  code: number | null;
  enhanced: string | null;
  response: string;
  tls: boolean;
  durationMs: number;
};

export type Settlement = {
  status: "relayed" | "deferred" | "bounced";
  nextAttemptAt: Date;
  lastError: string | null;
  /** The delivery-log reason (收发信记录), shown to the tenant. */
  reason: string;
  attempt: AttemptRecord;
  /**
   * The send latency this attempt would give the line (receivedAt → the attempt's start, before
   * dialling); only the first attempt to settle writes it (server/mail/log/message-latency.ts).
   */
  latencyMs: number;
};

/**
 * OUTBOUND_CONCURRENCY lanes (20) share Prisma's pool (10 connections); most of a lane's time is
 * SMTP, but a burst of settlements can queue for a connection longer than Prisma's 2 s default.
 */
const SETTLE_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Records the attempt and, if the lease is still ours, the row's new state and the delivery-log
 * line(s) of this message and recipient, in one transaction. False when the lease was taken back
 * meanwhile (the sweeper thought us dead): the attempt is kept as evidence, the row is not touched.
 */
export async function settleOutboxRow(row: Pick<OutboxRow, "id" | "messageId" | "recipient">, leaseUntil: Date, s: Settlement, now: Date): Promise<boolean> {
  const a = s.attempt;
  return db.$transaction(async (tx) => {
    await tx.deliveryAttempt.create({
      data: {
        outboxItemId: row.id,
        at: now,
        outcome: a.outcome,
        mxHost: a.mxHost && cut(a.mxHost, 253),
        ip: a.ip,
        code: a.code,
        enhanced: a.enhanced && cut(a.enhanced, 16),
        response: cut(a.response, 500),
        tls: a.tls,
        durationMs: Math.max(0, Math.round(a.durationMs)),
      },
    });
    const lastError = s.lastError === null ? null : cut(s.lastError, 500);
    const n = await tx.$executeRaw`
      UPDATE OutboxItem SET status = ${s.status}, leaseUntil = NULL, nextAttemptAt = ${s.nextAttemptAt}, lastError = ${lastError}, updatedAt = ${now}
      WHERE id = ${row.id} AND status = 'sending' AND leaseUntil = ${leaseUntil}`;
    if (n !== 1) return false;
    const reason = cut(s.reason, 500);
    await tx.$executeRaw`
      UPDATE MessageEvent
      SET status = ${s.status}, reason = ${reason}, updatedAt = ${now}, latencyMs = COALESCE(latencyMs, ${s.latencyMs}),
          history = JSON_ARRAY_APPEND(history, '$', JSON_OBJECT('status', ${s.status}, 'at', ${now.toISOString()}, 'reason', ${reason}))
      WHERE messageId = ${row.messageId} AND direction = 'outbound' AND recipient = ${row.recipient}`;
    // A final state may leave the MailMessage referenced by nothing (no outbox row waiting, no
    // mailbox copy); it is not deleted here: the retention of unreferenced messages (and their
    // files) belongs to the store's sweep, which also sees quarantine and mailbox copies.
    return true;
  }, SETTLE_TRANSACTION);
}

/** Hands a claimed row back (deferred, due at `until`) after an unexpected error; only while the lease is ours. */
export async function releaseClaim(id: bigint, leaseUntil: Date, now: Date, until: Date, error: string): Promise<boolean> {
  const lastError = cut(error, 500);
  const n = await db.$executeRaw`
    UPDATE OutboxItem SET status = 'deferred', leaseUntil = NULL, nextAttemptAt = ${until}, lastError = ${lastError}, updatedAt = ${now}
    WHERE id = ${id} AND status = 'sending' AND leaseUntil = ${leaseUntil}`;
  return n === 1;
}
