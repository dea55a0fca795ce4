import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { getPaidThrough } from "../account/get-paid-through";
import { bannerLevel, type BannerLevel } from "./reminder-schedule";

export type BalanceReminder = {
  /** Days until the first unpaid day; 0 or less once the balance could not pay this month. */
  daysLeft: number;
  /** The first unpaid day, 'YYYY-MM-DD' in the tenant's calendar. */
  runsOutDay: string;
  /** The last paid day, or null when the balance cannot pay even the next month. */
  paidThroughDay: string | null;
  balance: number;
  level: BannerLevel;
};

export type BalanceBanner = {
  /** Shown from 30 days before the balance runs out; null otherwise. */
  reminder: BalanceReminder | null;
  /** Suspended because the balance could not pay a month: mail stops until it is paid. */
  suspendedForNonPayment: boolean;
  suspendedAt: Date | null;
};

/** What the customer's home shows about the balance running out; scoped to the caller's tenant. */
export async function getBalanceReminder(tenantId: string): Promise<BalanceBanner> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { status: true, suspendedReason: true, suspendedAt: true, timeZone: true },
  });
  if (!tenant) throw notFound("Tenant");
  const suspendedForNonPayment = tenant.status === "suspended" && tenant.suspendedReason === "non_payment";
  const banner: BalanceBanner = { reminder: null, suspendedForNonPayment, suspendedAt: tenant.suspendedAt };
  // A suspended or terminated tenant has its own banner; a countdown would contradict it.
  if (tenant.status !== "active") return banner;
  const { balance, paidThrough, daysLeft } = await getPaidThrough(tenantId, tenant.timeZone);
  const level = bannerLevel(daysLeft);
  if (!paidThrough?.runsOutDay || daysLeft === null || !level) return banner;
  return {
    ...banner,
    reminder: { daysLeft, runsOutDay: paidThrough.runsOutDay, paidThroughDay: paidThrough.paidThroughDay, balance, level },
  };
}
