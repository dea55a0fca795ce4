import type { BillingRun } from "@/server/generated/prisma/client.ts";
import { toFen } from "@/server/shared/money";
import type { BillingRunView } from "./billing-run.types";

/** A running run never shows 100 %: new tenants may join after the total was counted. */
export function progressOf(run: Pick<BillingRun, "status" | "processed" | "tenantsTotal">): number {
  if (run.status === "done") return 100;
  if (run.tenantsTotal <= 0) return 0;
  return Math.min(99, Math.floor((run.processed * 100) / run.tenantsTotal));
}

export function toBillingRunView(run: BillingRun): BillingRunView {
  return {
    id: run.id,
    month: run.month,
    trigger: run.trigger,
    status: run.status,
    tenantsTotal: run.tenantsTotal,
    processed: run.processed,
    progress: progressOf(run),
    charged: run.charged,
    chargedAmount: toFen(run.chargedAmount),
    suspended: run.suspended,
    skipped: run.skipped,
    resizesApplied: run.resizesApplied,
    renewals: run.renewals,
    error: run.error,
    requestedById: run.requestedById,
    startedAt: run.startedAt,
    heartbeatAt: run.heartbeatAt,
    finishedAt: run.finishedAt,
  };
}
