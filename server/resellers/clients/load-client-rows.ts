import type { Prisma } from "@/server/generated/prisma/client.ts";
import { loadBillingStates } from "@/server/billing/ops/load-billing-states";
import { addMonths, lastDayOf, monthOf } from "@/server/billing/rules/months";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { ClientRow } from "./client-row.types";

/** A client whose balance carries it less than this many days (or is negative) has a money problem. */
export const LOW_BALANCE_DAYS = 30;

const PROBLEM_DOMAIN: Prisma.DomainWhereInput = { OR: [{ state: { not: "mail_ready" } }, { mxFailingSince: { not: null } }] };

/**
 * Dashboard rows for the tenants `where` selects, as seen by reseller `viewerId` (whose own
 * clients are marked isSelf). A fixed handful of grouped queries whatever the number of clients:
 * tenants, billing states (loadBillingStates, as the operators' lists), problem domains, last
 * month's SLA results and the admin accounts.
 */
export async function loadClientRows(viewerId: string | null, where: Prisma.TenantWhereInput): Promise<ClientRow[]> {
  const tenants = await db.tenant.findMany({
    where,
    select: { id: true, name: true, status: true, suspendedReason: true, timeZone: true, createdAt: true, resellerId: true, reseller: { select: { name: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (tenants.length === 0) return [];
  const ids = tenants.map((t) => t.id);
  const now = clock.now();
  const slaMonthOf = new Map(tenants.map((t) => [t.id, addMonths(monthOf(now, t.timeZone), -1)]));
  const [billing, lastCharged, domains, slaMonths, admins] = await Promise.all([
    loadBillingStates(tenants),
    db.ledgerEntry.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids }, kind: "monthly_charge" }, _max: { billingMonth: true } }),
    db.domain.findMany({ where: { tenantId: { in: ids }, ...PROBLEM_DOMAIN }, select: { tenantId: true, unicodeName: true }, orderBy: { name: "asc" } }),
    db.slaMonth.findMany({ where: { tenantId: { in: ids }, month: { in: [...new Set(slaMonthOf.values())] } }, select: { tenantId: true, month: true, breaches: true } }),
    db.user.findMany({ where: { tenantId: { in: ids }, role: "tenant_admin" }, select: { tenantId: true, email: true, name: true, status: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const domainNames = groupBy(domains, (d) => d.tenantId);
  const adminsOf = groupBy(admins, (a) => a.tenantId!);
  const lastChargedOf = new Map(lastCharged.map((r) => [r.tenantId, r._max.billingMonth]));
  const breaches = new Map(slaMonths.filter((m) => m.month === slaMonthOf.get(m.tenantId)).map((m) => [m.tenantId, m.breaches]));

  return tenants.map((t) => {
    const b = billing.get(t.id)!;
    const names = (domainNames.get(t.id) ?? []).map((d) => d.unicodeName);
    const tenantAdmins = adminsOf.get(t.id) ?? [];
    const first = tenantAdmins[0];
    const slaBreaches = breaches.get(t.id) ?? 0;
    const lowBalance = b.balance < 0 || (b.daysLeft !== null && b.daysLeft < LOW_BALANCE_DAYS);
    return {
      tenantId: t.id,
      name: t.name,
      status: t.status,
      suspendedReason: t.suspendedReason,
      createdAt: t.createdAt,
      owner: { resellerId: t.resellerId ?? "", name: t.reseller?.name ?? "", isSelf: t.resellerId === viewerId },
      plan: b.plan ? { code: b.plan.code, name: b.plan.name } : null,
      subscriptionStatus: b.subscriptionStatus,
      seats: b.seats,
      balance: b.balance,
      paidThroughDay: paidThrough(b.paidThroughDay, b.nextMonth, lastChargedOf.get(t.id) ?? null),
      daysLeft: b.daysLeft,
      lowBalance,
      problemDomains: { count: names.length, names },
      slaMonth: slaMonthOf.get(t.id)!,
      slaBreaches,
      admin: first ? { email: first.email, name: first.name, state: first.status } : null,
      invitationPending: tenantAdmins.some((a) => a.status === "invited"),
      hasProblems: names.length > 0 || slaBreaches > 0 || lowBalance,
    };
  });
}

/**
 * loadBillingStates leaves the day null when the balance cannot pay the next month; the client is
 * still paid through the last month charged, as getPaidThrough (the client's own billing page) says.
 */
function paidThrough(projected: string | null, nextMonth: string | null, lastCharged: string | null): string | null {
  if (projected || !nextMonth || !lastCharged) return projected;
  return lastDayOf(lastCharged);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
