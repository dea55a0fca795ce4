import { z } from "zod";
import type { Localized } from "@/server/shared/errors";

// A token is 32 random bytes in base64url (create-invitation.ts); anything else cannot be one.
export const ZInvitationToken = z.string({ message: "The invitation link is not valid" }).trim().min(16, "The invitation link is not valid").max(128, "The invitation link is not valid").regex(/^[\w-]+$/, "The invitation link is not valid");

export const ZCheckInvitationRequest = z.object({ token: ZInvitationToken });

export const ZAcceptInvitationRequest = z.object({
  token: ZInvitationToken,
  password: z.string({ message: "Enter a password" }).max(200, "At most 200 characters"),
  confirm: z.string({ message: "Enter the password again" }).max(200, "At most 200 characters"),
});
export type TAcceptInvitationRequest = z.infer<typeof ZAcceptInvitationRequest>;

export type InvitationView = {
  email: string;
  name: string;
  /** The company the account belongs to: the client tenant, the reseller, or the platform. */
  organisation: string;
  /** When the link stops (or stopped) working. */
  expiresAt: Date;
  expired: boolean;
  /** The password rule of the account's policy, shown next to the field. */
  passwordRule: Localized;
};
