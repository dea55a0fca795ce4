import type { SMTPServerAddress, SMTPServerSession } from "smtp-server";
import type { SmtpRefusal } from "../engine.types";
import { resolveRecipient } from "../accept/resolve-recipient";
import { checkDailyLimit } from "../accept/daily-limit";
import { runRefusingHooks } from "../hooks/smtp-hooks";
import { env } from "@/server/shared/env";
import { tooManyRecipients } from "./smtp-replies";
import { addRecipient, senderOf, type SessionInfo } from "./transaction-state";

/** RCPT TO: the recipient limit, the sender's daily limit, accept/'s rules, then the hooks. */
export async function rcptToStep(info: SessionInfo, address: SMTPServerAddress, session: SMTPServerSession): Promise<SmtpRefusal | null> {
  const tx = info.tx;
  if (!tx) return null; // smtp-server answers "503 need MAIL" before calling us
  const rcpt = address.address.toLowerCase();
  const repeated = tx.recipients.some((r) => r.rcpt === rcpt);
  const max = env().SMTP_MAX_RECIPIENTS;
  if (!repeated && tx.recipients.length >= max) return tooManyRecipients(max);
  const sender = senderOf(session);
  if (sender && !repeated) {
    const over = await checkDailyLimit(sender, tx.recipients.length);
    if (over) return over;
  }
  const resolved = await resolveRecipient({ listener: info.listener, address: rcpt, mailFrom: tx.mailFrom, sender, declaredSize: tx.declaredSize });
  if ("code" in resolved) return resolved;
  const hooked = await runRefusingHooks("rcptTo", {
    listener: info.listener,
    clientIp: session.remoteAddress,
    helo: session.hostNameAppearsAs,
    mailFrom: tx.mailFrom,
    sender,
    recipient: resolved,
  });
  if (hooked) return hooked;
  addRecipient(tx, resolved);
  return null;
}
