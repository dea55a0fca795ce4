import { refusal } from "../smtp-refusal";
import type { SmtpRefusal } from "../engine.types";

// Every answer accept/ gives to MAIL FROM and RCPT TO, in one place so the codes stay
// consistent. Basic codes per RFC 5321 §4.2, enhanced codes per RFC 3463 (and RFC 4954 for
// authentication); 5xx = the client must not retry this recipient, 4xx = try later.
//
// | situation                                      | code | enhanced | RFC 3463 meaning                              |
// |------------------------------------------------|------|----------|-----------------------------------------------|
// | address is not local@domain                    | 501  | 5.1.3    | bad destination mailbox address syntax        |
// | sender address is not local@domain             | 501  | 5.1.7    | bad sender's mailbox address syntax           |
// | unknown user on one of our domains             | 550  | 5.1.1    | bad destination mailbox address               |
// | our domain, not (or no longer) ready for mail  | 550  | 5.1.2    | bad destination system address                |
// | domain not ours, unauthenticated (MX)          | 550  | 5.7.1    | delivery not authorized (relaying denied)     |
// | mailbox disabled, tenant suspended or frozen   | 550  | 5.2.1    | mailbox disabled, not accepting messages      |
// | mailbox over quota                             | 552  | 5.2.2    | mailbox full                                  |
// | declared SIZE over the recipient's plan        | 552  | 5.3.4    | message too big for system                    |
// | list refuses the sender (its policy)           | 550  | 5.7.1    | delivery not authorized, message refused      |
// | submission without AUTH                        | 530  | 5.7.0    | authentication required (RFC 4954 §6)         |
// | submission sender not owned / null sender      | 553  | 5.7.1    | sender not authorized (RFC 5321: 553 = mailbox name not allowed) |
// | daily sending limit reached                    | 550  | 5.7.1    | delivery not authorized (policy)              |
// | sending suspended for outbound spam (abuse)    | 550  | 5.7.1    | delivery not authorized (policy)              |
// | lookup failed (database down)                  | 451  | 4.3.0    | other mail system problem, try later          |

export const badRecipientSyntax = (address: string, why: string): SmtpRefusal =>
  refusal(501, "5.1.3", `Bad recipient address syntax <${printable(address)}>: ${why}`);

export const badSenderSyntax = (address: string, why: string): SmtpRefusal =>
  refusal(501, "5.1.7", `Bad sender address syntax <${printable(address)}>: ${why}`);

export const unknownUser = (address: string): SmtpRefusal => refusal(550, "5.1.1", `Recipient address rejected: <${address}> does not exist here`);

export const domainNotReady = (domain: string): SmtpRefusal =>
  refusal(550, "5.1.2", `Recipient address rejected: ${domain} is not ready to receive mail here`);

export const relayingDenied = (address: string): SmtpRefusal =>
  refusal(550, "5.7.1", `Relaying denied: <${address}> is not on a domain this server receives mail for`);

export const mailboxDisabled = (address: string): SmtpRefusal => refusal(550, "5.2.1", `Recipient address rejected: mailbox <${address}> is disabled`);

export const tenantSuspended = (address: string): SmtpRefusal =>
  refusal(550, "5.2.1", `Recipient address rejected: the organisation of <${address}> is suspended and receives no mail`);

export const mailboxFull = (address: string, quotaMb: number): SmtpRefusal =>
  refusal(552, "5.2.2", `Mailbox <${address}> is full (quota ${quotaMb} MB)`);

export const messageTooBig = (address: string, declaredBytes: number, maxBytes: number): SmtpRefusal =>
  refusal(552, "5.3.4", `Message size ${declaredBytes} bytes exceeds the limit of ${maxBytes} bytes for <${address}>`);

export const listRefusesSender = (reason: string): SmtpRefusal => refusal(550, "5.7.1", reason);

export const authenticationRequired = (): SmtpRefusal => refusal(530, "5.7.0", "Authentication required before sending mail");

export const nullSenderOnSubmission = (account: string): SmtpRefusal =>
  refusal(553, "5.7.1", `Sender address rejected: the null sender <> is not allowed for ${account}; use one of your addresses`);

export const senderNotOwned = (address: string, account: string): SmtpRefusal =>
  refusal(553, "5.7.1", `Sender address rejected: ${address} is not owned by ${account}`);

export const dailyLimitReached = (limit: number, address: string): SmtpRefusal =>
  refusal(550, "5.7.1", `Daily sending limit of ${limit} messages reached for ${address}; try again tomorrow`);

// Permanent on purpose: retrying cannot help until an operator lifts the suspension, and the
// user's client shows the text, which says whom to ask.
export const sendingSuspended = (address: string): SmtpRefusal =>
  refusal(550, "5.7.1", `Sending suspended for spam; contact your administrator (${printable(address)} may still receive mail)`);

export const lookupFailed = (): SmtpRefusal => refusal(451, "4.3.0", "Temporary lookup failure; try again later");

/** SMTP replies are ASCII (engine.types): anything else a client sent is shown as "?", and long input is cut. */
export function printable(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, "?");
  return ascii.length > 100 ? `${ascii.slice(0, 100)}...` : ascii;
}
