import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { withNamedLock } from "@/server/shared/named-lock";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { DomainError } from "@/server/shared/errors";
import type { Tx } from "../ledger/money-transaction";
import { toBillingRunView } from "./billing-run-view";
import type { BillingRunTrigger, BillingRunView, StartOutcome } from "./billing-run.types";
import { countCandidates, dueTimeZones } from "./run-candidates";
import { validateRunMonth } from "./run-month";

/** A running run whose heartbeat is older than this has lost its executor (a chunk takes ~1 s). */
export const STALE_HEARTBEAT_MS = 2 * 60_000;
const START_LOCK_WAIT_S = 15;
const SYSTEM: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };

export type StartBillingRunInput = {
  month: unknown;
  trigger: BillingRunTrigger;
  actor?: AuditActor | null;
  /** The run's id when a request key is given: the same key returns the same run. */
  runId?: string;
};

export type StartBillingRunResult = { run: BillingRunView; outcome: StartOutcome };

/**
 * Opens the month's run: the unfinished one if there is one (so a crashed run resumes from its
 * cursor rather than a second one starting beside it), otherwise a new one with its total
 * counted. Starts for one month are serialised by a named lock, so twenty at once make one run.
 */
export async function startBillingRun(input: StartBillingRunInput): Promise<StartBillingRunResult> {
  const now = clock.now();
  const month = validateRunMonth(input.month, now, env().TZ_DEFAULT);
  return withNamedLock(`mailstead_billing_run:${month}`, START_LOCK_WAIT_S, `Another start of the ${month} run is taking long; try again in a minute`, (tx) => openRun(tx, month, input, now));
}

async function openRun(tx: Tx, month: string, input: StartBillingRunInput, now: Date): Promise<StartBillingRunResult> {
  if (input.runId) {
    const repeated = await tx.billingRun.findUnique({ where: { id: input.runId } });
    if (repeated && repeated.month !== month) {
      throw new DomainError("CONFLICT", `This request key already started the run for ${repeated.month}; use a new key for ${month}`);
    }
    if (repeated) return { run: toBillingRunView(repeated), outcome: repeated.status === "done" ? "finished" : "running" };
  }

  const unfinished = await tx.billingRun.findFirst({ where: { month, status: { in: ["running", "failed"] } }, orderBy: { startedAt: "desc" } });
  if (unfinished) {
    const stale = unfinished.status === "failed" || now.getTime() - unfinished.heartbeatAt.getTime() > STALE_HEARTBEAT_MS;
    return { run: toBillingRunView(unfinished), outcome: stale ? "resumed" : "running" };
  }

  const tenantsTotal = await countCandidates(month, await dueTimeZones(month, now, tx), tx);
  const run = await tx.billingRun.create({
    data: {
      ...(input.runId ? { id: input.runId } : {}),
      month,
      trigger: input.trigger,
      requestedById: input.actor?.id ?? null,
      tenantsTotal,
      startedAt: now,
      heartbeatAt: now,
    },
  });
  await recordAudit(
    input.actor ?? SYSTEM,
    { action: "billing.run.start", tenantId: null, target: { type: "billing_run", id: run.id }, details: { month, trigger: input.trigger, tenantsTotal } },
    tx,
  );
  return { run: toBillingRunView(run), outcome: "created" };
}
