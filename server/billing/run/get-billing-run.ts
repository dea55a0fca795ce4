import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { toBillingRunView } from "./billing-run-view";
import type { BillingRunView } from "./billing-run.types";

/** One run with its progress, for the page that follows it. */
export async function getBillingRun(runId: string): Promise<BillingRunView> {
  const row = await db.billingRun.findUnique({ where: { id: runId } });
  if (!row) throw notFound("Billing run");
  return toBillingRunView(row);
}
