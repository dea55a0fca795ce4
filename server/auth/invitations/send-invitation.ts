import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { sendMail } from "@/server/shared/mailer";
import { invitationMail, type InvitationMailInput } from "./invitation-mail";

const log = logger("auth.invitation");

/**
 * Sends the invitation e-mail. Called after the account's transaction committed: a mail server
 * that is down must not undo the account, so a failure is logged and reported as `false`, and the
 * invitation can be sent again (a new link) from the inviter's page.
 */
export async function sendInvitation(args: Omit<InvitationMailInput, "link"> & { token: string }): Promise<boolean> {
  const link = `${env().PUBLIC_URL.replace(/\/$/, "")}/invite/${args.token}`;
  try {
    await sendMail({ to: [args.to], ...invitationMail({ ...args, link }) });
    return true;
  } catch (error) {
    log.warn("invitation e-mail not sent", { to: args.to, error: String(error) });
    return false;
  }
}
