import { z } from "zod";

export const ZChangeMyPasswordRequest = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  // The strength rule (../passwords/password-rule.ts) runs in the use case, where the address is known.
  newPassword: z.string().min(1, "Enter a new password").max(200),
});
export type TChangeMyPasswordRequest = z.infer<typeof ZChangeMyPasswordRequest>;
