import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { MailAccount, SmtpRefusal } from "../engine.types";
import { dailyLimitReached, sendingSuspended } from "./refusals";
import { sendCountDay } from "./send-day";

// Seed 002: each account sends at most its plan's letters a day (1,000). A letter is one
// envelope recipient of a submitted message (a list counts once: the list address is one
// recipient). Counts live in SendCount (mailbox, the tenant's calendar day), so restarting the
// engine resets nothing, and several engine processes share one count.

/**
 * At MAIL FROM and RCPT TO: whether the account may send at all (its sending is not suspended
 * for outbound spam, issue 8 §8) and one more recipient still fits today, counting the
 * `recipientsSoFar` this transaction has accepted but not reserved yet. A quick early answer;
 * reserveDailySends is the guard (two sessions may both pass here for the last slot).
 * The suspension is read in the same round trip as the count, fresh on every command: the
 * account itself was loaded at AUTH, and a session that logged in before an operator or the
 * abuse limit suspended it must not go on sending.
 */
export async function checkDailyLimit(account: MailAccount, recipientsSoFar: number): Promise<SmtpRefusal | null> {
  const day = sendCountDay(clock.now(), account.timeZone);
  const rows = await db.$queryRaw<{ count: number | bigint | null; suspendedAt: Date | null }[]>`
    SELECT m.sendingSuspendedAt AS suspendedAt, (SELECT s.count FROM SendCount s WHERE s.mailboxId = m.id AND s.day = ${day}) AS count
    FROM Mailbox m WHERE m.id = ${account.mailboxId}`;
  if (rows[0]?.suspendedAt) return sendingSuspended(account.address);
  const sent = Number(rows[0]?.count ?? 0);
  return sent + recipientsSoFar + 1 > account.dailySendLimit ? dailyLimitReached(account.dailySendLimit, account.address) : null;
}

/**
 * Before the message is made durable: takes `n` letters of today's allowance, all or nothing.
 * The limit is checked and the count raised in one statement, so parallel sessions can never
 * push the count past the limit. Not INSERT … ON DUPLICATE KEY UPDATE count = IF(…): its
 * affected-rows answer cannot tell "inserted" (1) from "refused, row unchanged" (1 as well
 * with CLIENT_FOUND_ROWS, which the mariadb driver turns on). Instead:
 *  1. UPDATE … SET count = count + n WHERE … AND count + n <= limit: 1 row iff it applied
 *     (the WHERE holds the limit, so found rows = changed rows under either semantics);
 *  2. no row today yet: INSERT IGNORE the first count: 1 row iff we created it;
 *  3. someone else created it meanwhile: the UPDATE again decides, now for good.
 */
export async function reserveDailySends(account: MailAccount, n: number): Promise<SmtpRefusal | null> {
  if (n <= 0) return null;
  const limit = account.dailySendLimit;
  const refused = dailyLimitReached(limit, account.address);
  if (n > limit) return refused;
  const day = sendCountDay(clock.now(), account.timeZone);
  const raise = () => db.$executeRaw`UPDATE SendCount SET count = count + ${n} WHERE mailboxId = ${account.mailboxId} AND day = ${day} AND count + ${n} <= ${limit}`;
  if ((await raise()) === 1) return null;
  const inserted = await db.$executeRaw`INSERT IGNORE INTO SendCount (mailboxId, day, count) VALUES (${account.mailboxId}, ${day}, ${n})`;
  if (inserted === 1) return null;
  return (await raise()) === 1 ? null : refused;
}

/**
 * Gives back letters reserved for a message that was not accepted after all (the store failed
 * before the 250). Today's count only, never below zero.
 */
export async function releaseDailySends(account: MailAccount, n: number): Promise<void> {
  if (n <= 0) return;
  const day = sendCountDay(clock.now(), account.timeZone);
  await db.$executeRaw`UPDATE SendCount SET count = GREATEST(count - ${n}, 0) WHERE mailboxId = ${account.mailboxId} AND day = ${day}`;
}
