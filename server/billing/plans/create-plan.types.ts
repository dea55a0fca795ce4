import { z } from "zod";
import { ZPlanCode, ZPlanFields } from "./plan.types";

/** A new plan: its code (fixed for life: seeds and orders refer to it) and every field. */
export const ZCreatePlanRequest = ZPlanFields.extend({ code: ZPlanCode });
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;
