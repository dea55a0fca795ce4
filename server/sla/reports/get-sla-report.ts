import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { toCreditView } from "../credits/credit-view";
import type { SlaReport } from "./sla-report.types";

// One tenant's closed month: what the customer's SLA page and the operator's review show. Three
// indexed reads (month, breaches, credit): the customer page's budget is 200 ms (issue 9).
export async function getSlaReport(tenantId: string, month: string): Promise<SlaReport> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
  if (!tenant) throw notFound("Tenant");
  const key = { tenantId, month };
  const [row, breaches, credit] = await Promise.all([
    db.slaMonth.findUnique({ where: { tenantId_month: key } }),
    db.slaBreach.findMany({ where: key, orderBy: { promise: "asc" } }),
    db.slaCredit.findUnique({ where: { tenantId_month: key } }),
  ]);
  if (!row) return { month, closed: false };
  return {
    month,
    closed: true,
    tenantId,
    tenantName: tenant.name,
    status: row.status,
    figures: row.figures,
    breaches: breaches.map((b) => ({ promise: b.promise, measured: b.measured, target: b.target, evidence: b.evidence })),
    credit: credit ? toCreditView(credit) : null,
    digest: row.digest ? Buffer.from(row.digest).toString("hex") : null,
    computedAt: row.computedAt,
  };
}

/** The months closed for a tenant, newest first (the month picker). */
export async function listReportMonths(tenantId: string): Promise<string[]> {
  const rows = await db.slaMonth.findMany({ where: { tenantId }, select: { month: true }, orderBy: { month: "desc" }, take: 36 });
  return rows.map((r) => r.month);
}
