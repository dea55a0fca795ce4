import { z } from "zod";

export const ZChangeMyPasswordRequest = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  // The tenant's password rule and history run in the use case, where the address and policy are known.
  newPassword: z.string().min(1, "Enter a new password").max(200),
});
export type TChangeMyPasswordRequest = z.infer<typeof ZChangeMyPasswordRequest>;
