import { z } from "zod";

export const ZChangeOwnPasswordRequest = z.object({
  currentPassword: z.string({ message: "Enter your current password" }).min(1, "Enter your current password").max(200, "At most 200 characters"),
  // The policy's rule and history run in the use case, where the account and its scope are known.
  newPassword: z.string({ message: "Enter a new password" }).min(1, "Enter a new password").max(200, "At most 200 characters"),
});
export type TChangeOwnPasswordRequest = z.infer<typeof ZChangeOwnPasswordRequest>;
