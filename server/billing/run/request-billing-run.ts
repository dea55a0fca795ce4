import type { AuditActor } from "@/server/audit/record-audit";
import type { StartOutcome, BillingRunView, TStartBillingRunRequest } from "./billing-run.types";
import { enqueueBillingRun } from "./enqueue-billing-run";
import { startBillingRun } from "./start-billing-run";

/**
 * An operator starts the month's run from the portal: the run row first (MariaDB is the truth),
 * then its job. A repeated request key returns the same run and queues nothing twice.
 */
export async function requestBillingRun(actor: AuditActor, input: TStartBillingRunRequest): Promise<{ run: BillingRunView; outcome: StartOutcome }> {
  const result = await startBillingRun({ month: input.month, trigger: "operator", actor, runId: input.idempotencyKey });
  if (result.outcome !== "finished") await enqueueBillingRun(result.run.id);
  return result;
}
