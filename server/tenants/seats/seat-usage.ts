import { DomainError, say } from "@/server/shared/errors";
import type { Tx } from "../tenant-transaction";

export type SeatUsage = { paid: number; used: number; free: number };

/**
 * Seats paid for now: the active subscription's seats (a resize takes effect on the 1st of a
 * month, when the subscription row changes). A tenant without a paid subscription has none.
 */
export async function paidSeats(tx: Tx, tenantId: string): Promise<number> {
  const sub = await tx.subscription.findFirst({ where: { tenantId, status: "active" }, orderBy: { createdAt: "desc" }, select: { seats: true } });
  return sub?.seats ?? 0;
}

export async function seatUsage(tx: Tx, tenantId: string): Promise<SeatUsage> {
  const [paid, used] = await Promise.all([paidSeats(tx, tenantId), tx.mailbox.count({ where: { tenantId } })]);
  return { paid, used, free: Math.max(0, paid - used) };
}

/**
 * Refuses when `adding` more mailboxes would exceed the paid seats. Must run inside
 * tenantTransaction (the tenant's row lock held): that is what makes 20 parallel creations at one
 * seat below the limit create exactly one.
 */
export async function assertSeatsFor(tx: Tx, tenantId: string, adding: number): Promise<SeatUsage> {
  const usage = await seatUsage(tx, tenantId);
  if (usage.used + adding <= usage.paid) return usage;
  if (usage.paid === 0) {
    throw new DomainError("PRECONDITION_FAILED", say("No seats are paid for yet: buy a plan on the billing page first", "尚未购买席位：请先在“费用中心”购买套餐"));
  }
  throw new DomainError(
    "PRECONDITION_FAILED",
    say(
      `All ${usage.paid} paid seats are in use (${usage.used} mailboxes)${adding > 1 ? `; ${adding} more do not fit` : ""}: add seats on the billing page or delete a mailbox first`,
      `已购买的 ${usage.paid} 个席位已全部使用（${usage.used} 个邮箱）${adding > 1 ? `，无法再增加 ${adding} 个` : ""}：请先在“费用中心”增加席位或删除邮箱`,
    ),
  );
}
