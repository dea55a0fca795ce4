import { z } from "zod";

const NOT_VALID = "The password reset link is not valid";
// A token is 32 random bytes in base64url (issueAccountToken); anything else cannot be one.
export const ZResetToken = z.string({ message: NOT_VALID }).trim().min(16, NOT_VALID).max(128, NOT_VALID).regex(/^[\w-]+$/, NOT_VALID);

export const ZRequestPasswordResetRequest = z.object({
  email: z.string({ message: "Enter your e-mail address" }).trim().toLowerCase().min(1, "Enter your e-mail address").max(254, "At most 254 characters").email("Enter an e-mail address such as name@example.com"),
});
export type TRequestPasswordResetRequest = z.infer<typeof ZRequestPasswordResetRequest>;

export const ZCheckPasswordResetRequest = z.object({ token: ZResetToken });

export const ZCompletePasswordResetRequest = z.object({
  token: ZResetToken,
  // The policy's rule and history run in the use case, where the account's scope is known.
  password: z.string({ message: "Enter a new password" }).min(1, "Enter a new password").max(200, "At most 200 characters"),
});
export type TCompletePasswordResetRequest = z.infer<typeof ZCompletePasswordResetRequest>;

import type { PasswordRuleView } from "@/server/auth/passwords/get-password-rule";

/** What the reset page shows: whose password, until when, and the rule the new one must keep. */
export type PasswordResetView = { email: string; expiresAt: Date; rule: Pick<PasswordRuleView, "policy" | "description" | "accountName"> };
