import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { securityNotices, type TSecurityNotices } from "@/server/auth/login-log/security-notices";
import { accountEventsWhere } from "@/server/auth/login-log/account-events";
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
  /** Seats nearly full (balance and MX have their own banners). */
  reminders: HomeReminder[];
  /** The admin's own: a sign-in from a new network, password expiring (tenant policy), no second factor. */
  security: TSecurityNotices;
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
    db.user.findFirst({ where: { id: userId, tenantId }, select: { id: true, role: true } }),
    db.loginEvent.findMany({
      where: { AND: [accountEventsWhere({ kind: "user", id: userId }), { result: "success" }] },
      orderBy: { id: "desc" },
      take: 2,
      select: { occurredAt: true, ip: true },
    }),
  ]);
  if (!tenant || !user) throw notFound("Tenant");
  const [seats, plan, contact, security] = await Promise.all([
    seatUsage(db, tenantId),
    getPlanSummary(tenantId, tenant.timeZone),
    contactCardFor(tenantId),
    securityNotices({ id: user.id, role: user.role, tenantId }),
  ]);
  const [current, previous] = logins;
  return {
    tenant,
    contact,
    previousLogin: previous ? { at: previous.occurredAt, ip: previous.ip, ipChanged: previous.ip !== current?.ip } : null,
    reminders: homeReminders({ seats }),
    security,
    plan: { ...plan, seats },
  };
}
