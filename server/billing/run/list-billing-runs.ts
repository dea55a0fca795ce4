import { db } from "@/server/shared/db";
import { toBillingRunView } from "./billing-run-view";
import { ZListBillingRunsRequest, type BillingRunView, type TListBillingRunsRequest } from "./billing-run.types";

/** The operators' list of runs with their summaries, newest first. */
export async function listBillingRuns(input: TListBillingRunsRequest): Promise<{ items: BillingRunView[]; total: number; page: number; pageSize: number }> {
  const { page, pageSize, month } = ZListBillingRunsRequest.parse(input);
  const where = month ? { month } : {};
  const [rows, total] = await Promise.all([
    db.billingRun.findMany({ where, orderBy: [{ startedAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.billingRun.count({ where }),
  ]);
  return { items: rows.map(toBillingRunView), total, page, pageSize };
}
