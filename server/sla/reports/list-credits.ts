import { db } from "@/server/shared/db";
import { toCreditView } from "../credits/credit-view";
import type { CreditView } from "../credits/decide-credit.types";
import type { Page, TListCreditsRequest } from "./sla-report.types";

export type CreditQueueRow = CreditView & { tenantName: string; promises: string[] };

// The operators' review queue: proposals first by month (oldest first, they have waited longest),
// then by amount; decided ones newest first. Each row names the promises the month missed.
export async function listCredits(input: TListCreditsRequest): Promise<Page<CreditQueueRow>> {
  const where = { status: input.status, ...(input.month ? { month: input.month } : {}) };
  const orderBy =
    input.status === "proposed" ? [{ month: "asc" as const }, { proposedAmount: "desc" as const }, { id: "asc" as const }] : [{ decidedAt: "desc" as const }, { id: "asc" as const }];
  const [total, credits] = await Promise.all([
    db.slaCredit.count({ where }),
    db.slaCredit.findMany({ where, orderBy, skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  const ids = [...new Set(credits.map((c) => c.tenantId))];
  const [tenants, breaches] = await Promise.all([
    db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.slaBreach.findMany({ where: { OR: credits.map((c) => ({ tenantId: c.tenantId, month: c.month })) }, select: { tenantId: true, month: true, promise: true } }),
  ]);
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const rows = credits.map((c) => ({
    ...toCreditView(c),
    tenantName: names.get(c.tenantId) ?? c.tenantId,
    promises: breaches.filter((b) => b.tenantId === c.tenantId && b.month === c.month).map((b) => b.promise),
  }));
  return { rows, total, page: input.page, pageSize: input.pageSize };
}
