import { seatUsage } from "@/server/tenants/seats/seat-usage";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";

const MB = 1024 * 1024;

/**
 * UsageUpdate: what a billing system meters. Seats paid and used (the seat rule the console
 * enforces), domains and storage (the engine's per-mailbox byte counts, against the quotas). The
 * tenant has been reached (reachTenant) before.
 */
export async function getTenantUsage(tenantId: string) {
  const [tenant, seats, storage, domains] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, status: true } }),
    seatUsage(db, tenantId),
    db.mailbox.aggregate({ where: { tenantId }, _sum: { usedBytes: true, quotaMb: true }, _count: { _all: true } }),
    db.domain.count({ where: { tenantId } }),
  ]);
  return {
    tenantId: tenant.id,
    status: tenant.status,
    seats,
    mailboxes: storage._count._all,
    domains,
    storage: { usedBytes: Number(storage._sum.usedBytes ?? 0n), quotaBytes: (storage._sum.quotaMb ?? 0) * MB },
    measuredAt: clock.now().toISOString(),
  };
}
