import type { Listener, MailAccount, SmtpRefusal } from "../engine.types";
import { parseAddress } from "./parse-address";
import { authenticationRequired, badSenderSyntax, nullSenderOnSubmission, senderNotOwned } from "./refusals";

/**
 * MAIL FROM. On MX any well-formed sender passes, and the null sender "" (bounces must get
 * through, RFC 5321 §4.5.5); whether it is genuine is SPF/DMARC's question ([Filtering]). On
 * submission the user may send only as their own address or one of their aliases, so a
 * mailbox cannot impersonate a colleague; a bounce is never the user's to send.
 */
export function checkSender(input: { listener: Listener; mailFrom: string; sender: MailAccount | null }): SmtpRefusal | null {
  const { listener, mailFrom, sender } = input;
  if (listener === "submission") {
    if (!sender) return authenticationRequired();
    if (mailFrom === "") return nullSenderOnSubmission(sender.address);
  } else if (mailFrom === "") return null;
  const parsed = parseAddress(mailFrom);
  if (!parsed.ok) return badSenderSyntax(mailFrom, parsed.why);
  if (listener === "mx" || !sender) return null;
  return sender.sendAs.includes(parsed.value.address) ? null : senderNotOwned(parsed.value.address, sender.address);
}
