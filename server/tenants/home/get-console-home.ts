import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { notFound } from "@/server/shared/errors";
import type { TenantStatus } from "@/server/generated/prisma/enums.ts";
import { seatUsage } from "../seats/seat-usage";
import { homeReminders, type HomeReminder } from "./home-reminders";
import { getPlanSummary, type PlanSummary } from "./get-plan-summary";
import { contactCardFor, type ContactCard } from "@/server/resellers/contact-card";

export type ConsoleHome = {
  tenant: { name: string; status: TenantStatus; timeZone: string; createdAt: Date };
  /** The reseller's contact card, or the platform's when the tenant buys directly. */
  contact: ContactCard;
  /**
   * The sign-in before this one (the current one is trivially "now"), and whether it came from
   * another IP than this one: the seeds' admin home highlights that as a possible intrusion.
   */
  previousLogin: { at: Date; ip: string | null; ipChanged: boolean } | null;
  /** Password expiring, seats nearly full, no second factor (balance and MX have their own banners). */
  reminders: HomeReminder[];
  plan: PlanSummary;
};

/** What a tenant admin sees on the console's home page; scoped to their own tenant. */
export async function getConsoleHome(tenantId: string, userId: string): Promise<ConsoleHome> {
  const [tenant, user, logins] = await Promise.all([
    db.tenant.findUnique({
      where: { id: tenantId },
      select: {
        name: true,
        status: true,
        timeZone: true,
        createdAt: true,
      },
    }),
    // Filtered by tenant too, so a stale session of a moved user shows nothing of another tenant.
    db.user.findFirst({ where: { id: userId, tenantId }, select: { id: true, createdAt: true, passwordChangedAt: true } }),
    db.loginEvent.findMany({
      where: { userId, result: "success" },
      orderBy: { id: "desc" },
      take: 2,
      select: { occurredAt: true, ip: true },
    }),
  ]);
  if (!tenant || !user) throw notFound("Tenant");
  const [seats, plan, contact] = await Promise.all([seatUsage(db, tenantId), getPlanSummary(tenantId, tenant.timeZone), contactCardFor(tenantId)]);
  const [current, previous] = logins;
  return {
    tenant,
    contact,
    previousLogin: previous ? { at: previous.occurredAt, ip: previous.ip, ipChanged: previous.ip !== current?.ip } : null,
    // No account has a second factor until the Security issue adds 2FA.
    reminders: homeReminders({ passwordSetAt: user.passwordChangedAt ?? user.createdAt, now: clock.now(), seats, hasSecondFactor: false }),
    plan: { ...plan, seats },
  };
}
