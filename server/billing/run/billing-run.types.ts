import { z } from "zod";

// Inputs of the billing-run procedures and the view every entry point returns. The month is a
// plain string here on purpose: validateRunMonth (shared with the CLI and the tick) gives the
// specific message ("2026-13 has no month 13 …") that a zod regex could not.

export const ZStartBillingRunRequest = z.object({
  month: z.string().max(20),
  /** Becomes the run's id, so a retried request returns the run the first one started. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "Use 8–64 letters, digits, - or _ (a UUID is fine) as the request key"),
});
export type TStartBillingRunRequest = z.infer<typeof ZStartBillingRunRequest>;

export const ZListBillingRunsRequest = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Write the month as YYYY-MM")
    .optional(),
});
export type TListBillingRunsRequest = z.input<typeof ZListBillingRunsRequest>;

export const ZGetBillingRunRequest = z.object({ runId: z.string().min(1).max(191) });

/** Who or what started a run. */
export type BillingRunTrigger = "schedule" | "operator" | "cli" | "bench" | "test";

export type BillingRunView = {
  id: string;
  month: string;
  trigger: string;
  status: "running" | "done" | "failed";
  tenantsTotal: number;
  processed: number;
  /** processed / tenantsTotal in whole percent; 100 only once the run is done. */
  progress: number;
  charged: number;
  /** Fen. */
  chargedAmount: number;
  suspended: number;
  skipped: number;
  resizesApplied: number;
  renewals: number;
  error: string | null;
  requestedById: string | null;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
};

/**
 * created: a new run. resumed: an unfinished run nobody is working on (failed, or its heartbeat
 * went stale) is taken up again from its cursor. running: a run for the month is in progress.
 * finished: a repeated request key whose run has already finished.
 */
export type StartOutcome = "created" | "resumed" | "running" | "finished";
