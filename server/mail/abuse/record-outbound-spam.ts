import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { abuseWindowStart, shouldSuspendSending, suspensionReason } from "./abuse-rules";
import { notifyOperators } from "./notify-operators";

const log = logger("abuse");

export type OutboundSpamInput = {
  mailboxId: string;
  tenantId: string;
  /** The engine's message id (ULID) when the message got one; null when it was refused before. */
  messageId: string | null;
  score: number;
  /** rspamd's symbols that made the score, kept in the alert as the evidence. */
  symbols: string[];
};

export const OUTBOUND_SPAM_ALERT = "outbound_spam_suspended";
// The alert keeps the evidence (the hits themselves are deleted when an operator lifts the
// suspension): at most this many of the hour's hits and symbols.
const EVIDENCE_HITS = 20;
const EVIDENCE_SYMBOLS = 30;

/**
 * The engine calls this when an authenticated user's outbound message scored as spam. It
 * records the hit and, when the hour's hits reach ABUSE_SPAM_PER_HOUR, suspends the mailbox's
 * sending and raises an operator alert. Concurrency: each call commits its hit before it
 * counts, so the last of N parallel calls sees all N; the suspension is a conditional UPDATE
 * (only while not yet suspended), so exactly one caller wins it and writes the one alert, in
 * the same transaction. The operators' e-mail is sent in the background (never awaited).
 * Returns whether the mailbox's sending is suspended after this hit.
 */
export async function recordOutboundSpam(input: OutboundSpamInput): Promise<{ suspended: boolean }> {
  const now = clock.now();
  const limit = env().ABUSE_SPAM_PER_HOUR;
  const score = Number.isFinite(input.score) ? input.score : 0;
  const box = await db.mailbox.findUnique({ where: { id: input.mailboxId }, select: { address: true, sendingSuspendedAt: true } });
  if (!box) {
    log.warn("outbound spam from an unknown mailbox (deleted meanwhile?)", { mailboxId: input.mailboxId });
    return { suspended: false };
  }
  // The column is a ULID (26 characters); anything else is kept as "no message id", not an error.
  const messageId = input.messageId?.length === 26 ? input.messageId : null;
  await db.outboundSpamHit.create({ data: { mailboxId: input.mailboxId, messageId, score, at: now } });
  if (box.sendingSuspendedAt) return { suspended: true };
  const since = abuseWindowStart(now);
  const hits = await db.outboundSpamHit.count({ where: { mailboxId: input.mailboxId, at: { gt: since } } });
  if (!shouldSuspendSending(hits, limit)) return { suspended: false };

  const reason = suspensionReason(hits, limit);
  const message = `Sending suspended for ${box.address}: ${hits} outbound messages scored as spam within an hour (limit ${limit})`;
  const alert = await db.$transaction(async (tx) => {
    const won = await tx.mailbox.updateMany({
      where: { id: input.mailboxId, sendingSuspendedAt: null },
      data: { sendingSuspendedAt: now, sendingSuspendedReason: reason },
    });
    if (won.count !== 1) return null;
    const evidence = await tx.outboundSpamHit.findMany({
      where: { mailboxId: input.mailboxId, at: { gt: since } },
      orderBy: { at: "desc" },
      take: EVIDENCE_HITS,
      select: { messageId: true, score: true, at: true },
    });
    return tx.operatorAlert.create({
      data: {
        kind: OUTBOUND_SPAM_ALERT,
        tenantId: input.tenantId,
        mailboxId: input.mailboxId,
        message,
        details: {
          address: box.address,
          hits,
          limit,
          windowMinutes: 60,
          lastScore: score,
          symbols: input.symbols.slice(0, EVIDENCE_SYMBOLS),
          recent: evidence.map((h) => ({ messageId: h.messageId, score: h.score, at: h.at.toISOString() })),
        },
        createdAt: now,
      },
      select: { id: true },
    });
  });
  if (alert) {
    log.warn("mailbox sending suspended for outbound spam", { mailboxId: input.mailboxId, tenantId: input.tenantId, hits, limit, alertId: alert.id });
    void notifyOperators({
      subject: `[Mailstead] Sending suspended: ${box.address}`,
      text: `${message}.\n\nTenant: ${input.tenantId}\nMailbox: ${input.mailboxId}\nAlert: ${alert.id}\nLast score: ${score}; symbols: ${input.symbols.slice(0, EVIDENCE_SYMBOLS).join(", ") || "(none)"}\n\nReview it in the operators' console under Alerts, and lift the suspension once the account is secured.\n`,
    });
  }
  return { suspended: true };
}
