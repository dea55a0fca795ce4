import { z } from "zod";

// Six digits, or a recovery code typed with spaces or dashes: the use case tells them apart.
const ZCode = z.string().trim().min(1, "Enter the code").max(32, "At most 32 characters");

export const ZTotpCodeRequest = z.object({ code: ZCode });
export type TTotpCodeRequest = z.infer<typeof ZTotpCodeRequest>;

export const ZDisableTotpRequest = z.object({ password: z.string().min(1, "Enter your password").max(200), code: ZCode });
export type TDisableTotpRequest = z.infer<typeof ZDisableTotpRequest>;

export const ZResetTotpRequest = z.object({ userId: z.string().trim().min(1).max(191) });
export type TResetTotpRequest = z.infer<typeof ZResetTotpRequest>;
