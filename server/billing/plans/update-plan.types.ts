import { z } from "zod";
import { ZPlanFieldChanges, ZPlanId } from "./plan.types";

/**
 * A partial edit: only the fields sent change. `active: false` withdraws the plan from sale,
 * `true` restores it. Strict, so a field that cannot change (the code) or a misspelt one is
 * refused rather than silently ignored.
 */
export const ZUpdatePlanRequest = z.strictObject({
  id: ZPlanId,
  ...ZPlanFieldChanges.shape,
  active: z.boolean({ error: "Active must be true or false" }).optional(),
});
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;
