import { z } from "zod";

export const ZImportIdRequest = z.object({ importId: z.string({ message: "Choose an import" }).trim().min(1, "Choose an import").max(191, "Not an import id") });
export type TImportIdRequest = z.infer<typeof ZImportIdRequest>;

/** The initial password is for rows without one of their own; it is checked by the use case, which knows whether any such row exists. */
export const ZApplyImportRequest = ZImportIdRequest.extend({ initialPassword: z.string().max(200, "At most 200 characters").optional() });
export type TApplyImportRequest = z.infer<typeof ZApplyImportRequest>;
