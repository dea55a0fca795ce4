import type { SMTPServerAddress, SMTPServerSession } from "smtp-server";
import type { SmtpRefusal } from "../engine.types";
import { checkSender } from "../accept/check-sender";
import { checkDailyLimit } from "../accept/daily-limit";
import { runRefusingHooks } from "../hooks/smtp-hooks";
import { authRequired } from "./smtp-replies";
import { senderOf, type SessionInfo } from "./transaction-state";

/** MAIL FROM: opens a transaction when the sender may send (and, on submission, has not used up the day). */
export async function mailFromStep(info: SessionInfo, address: SMTPServerAddress, session: SMTPServerSession): Promise<SmtpRefusal | null> {
  info.tx = null;
  const sender = senderOf(session);
  // smtp-server already demands AUTH on submission; this keeps the rule true whatever its options.
  if (info.listener === "submission" && !sender) return authRequired();
  const mailFrom = address.address.toLowerCase();
  const refused =
    checkSender({ listener: info.listener, mailFrom, sender }) ??
    (sender ? await checkDailyLimit(sender, 0) : null) ??
    (await runRefusingHooks("mailFrom", { listener: info.listener, clientIp: session.remoteAddress, helo: session.hostNameAppearsAs, mailFrom, sender }));
  if (refused) return refused;
  const size = Number(address.args && typeof address.args === "object" ? (address.args as Record<string, unknown>).SIZE : undefined);
  info.tx = { mailFrom, declaredSize: Number.isFinite(size) && size > 0 ? size : null, recipients: [] };
  return null;
}
