import type { Prisma } from "@/server/generated/prisma/client";
import { db } from "@/server/shared/db";
import { toFen } from "@/server/shared/money";
import type { Page, SlaMonthRow, TListSlaMonthsRequest } from "./sla-report.types";

// Operators: every tenant's month, worst first (lowest availability; then most interruption
// minutes and promises missed; months without evidence last, since they say nothing either way),
// or by promises missed.
export async function listSlaMonths(input: TListSlaMonthsRequest): Promise<Page<SlaMonthRow>> {
  const where: Prisma.SlaMonthWhereInput = { month: input.month, ...(input.status ? { status: input.status } : {}) };
  const orderBy: Prisma.SlaMonthOrderByWithRelationInput[] =
    input.sort === "worst"
      ? [{ availabilityPpm: { sort: "asc", nulls: "last" } }, { interruptionMinutes: "desc" }, { breaches: "desc" }, { tenantId: "asc" }]
      : [{ breaches: "desc" }, { interruptionMinutes: "desc" }, { tenantId: "asc" }];
  const [total, months] = await Promise.all([
    db.slaMonth.count({ where }),
    db.slaMonth.findMany({ where, orderBy, skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  const ids = months.map((m) => m.tenantId);
  const [tenants, credits] = await Promise.all([
    db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.slaCredit.findMany({ where: { tenantId: { in: ids }, month: input.month } }),
  ]);
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const byTenant = new Map(credits.map((c) => [c.tenantId, c]));
  const rows = months.map((m) => {
    const c = byTenant.get(m.tenantId);
    return {
      tenantId: m.tenantId,
      tenantName: names.get(m.tenantId) ?? m.tenantId,
      status: m.status,
      availabilityPpm: m.availabilityPpm,
      interruptionMinutes: m.interruptionMinutes,
      breaches: m.breaches,
      credit: c ? { id: c.id, status: c.status, amount: toFen(c.amount ?? c.proposedAmount) } : null,
    };
  });
  return { rows, total, page: input.page, pageSize: input.pageSize };
}
