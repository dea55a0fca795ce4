import { z } from "zod";
import type { SlaTargets } from "../rules/evaluate-month";
import { TARGET_FIELDS } from "./target-bounds";

// Shapes only: the bounds are the use case's (targetProblems), so a refusal names the promise
// and its range in both languages.

export const ZPlanId = z.string({ message: "Choose a plan" }).trim().min(1, "Choose a plan").max(191, "Not a plan id");

const number = z.number({ message: "Enter a whole number" });

/** Any of the plan's targets; the others keep their value. */
const ZTargetsPatch = z.strictObject(
  Object.fromEntries(Object.keys(TARGET_FIELDS).map((field) => [field, number.optional()])) as Record<keyof SlaTargets, z.ZodOptional<typeof number>>,
  { error: `Unknown target: the targets are ${Object.keys(TARGET_FIELDS).join(", ")}` },
);

export const ZGetSlaTargetsRequest = z.object({ planId: ZPlanId });
export const ZUpdateSlaTargetsRequest = z.object({ planId: ZPlanId, targets: ZTargetsPatch });
export type TUpdateSlaTargetsRequest = z.infer<typeof ZUpdateSlaTargetsRequest>;

export type SlaTargetsView = {
  planId: string;
  targets: SlaTargets;
  /** False: the plan has no row of its own and promises the contract's figures. */
  custom: boolean;
  updatedAt: Date | null;
};
