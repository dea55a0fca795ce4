import { Prisma, type BillingReminder } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";

// A reminder row is written before its e-mail is sent, so the unique key (tenant, threshold,
// run-out day) lets only one of several parallel ticks send it. `recipients` doubles as the
// row's state: PENDING while a sender holds it, the number of administrators mailed once sent.
// A send that failed (or a worker that died mid-send) leaves the row PENDING; no row is ever
// deleted, and a later tick takes the row over once its claim is older than RETRY_AFTER_MS.
export const PENDING = -1;
export const RETRY_AFTER_MS = 15 * 60_000;

export type ReminderKey = { tenantId: string; daysBefore: number; runsOutOn: string };

/** The reminders already written for a tenant's run-out day. */
export function remindersFor(tenantId: string, runsOutOn: string): Promise<BillingReminder[]> {
  return db.billingReminder.findMany({ where: { tenantId, runsOutOn } });
}

/**
 * Claims the right to send `key`: a new PENDING row, or the takeover of a PENDING row whose
 * claim is stale. Returns the row id, or null when another sender has it or it was sent.
 */
export async function claimReminder(key: ReminderKey, existing: BillingReminder | undefined, now: Date): Promise<bigint | null> {
  if (!existing) {
    try {
      return (await db.billingReminder.create({ data: { ...key, recipients: PENDING, sentAt: now } })).id;
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return null;
      throw e;
    }
  }
  if (existing.recipients !== PENDING) return null;
  // The conditional UPDATE re-reads the row under its lock: of two takeovers, one matches.
  const { count } = await db.billingReminder.updateMany({
    where: { id: existing.id, recipients: PENDING, sentAt: { lte: new Date(now.getTime() - RETRY_AFTER_MS) } },
    data: { sentAt: now },
  });
  return count === 1 ? existing.id : null;
}

export async function markReminderSent(id: bigint, recipients: number, now: Date): Promise<void> {
  await db.billingReminder.update({ where: { id }, data: { recipients, sentAt: now } });
}
