import { z } from "zod";

export const ZSessionIdRequest = z.object({ id: z.string().trim().min(1).max(64) });
export type TSessionIdRequest = z.infer<typeof ZSessionIdRequest>;
