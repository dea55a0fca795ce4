import type { SmtpRefusal } from "../engine.types";
import { refusal } from "../smtp-refusal";

// The replies the SMTP layer itself owns (accept/refusals.ts has those of MAIL FROM / RCPT TO
// policy). Codes per RFC 5321 §4.2 and RFC 3463 / RFC 4954.

export const badCredentials = (): SmtpRefusal => refusal(535, "5.7.8", "Authentication credentials invalid");

export const accountDisabled = (): SmtpRefusal =>
  refusal(535, "5.7.8", "Authentication refused: this mailbox or its organisation is disabled; contact your administrator");

export const mustChangePassword = (): SmtpRefusal =>
  refusal(535, "5.7.8", "Authentication refused: you must change your password first; sign in to the web portal and change it, then try again");

export const authUnavailable = (): SmtpRefusal => refusal(454, "4.7.0", "Temporary authentication failure; try again later");

export const authRequired = (): SmtpRefusal => refusal(530, "5.7.0", "Authentication required before sending mail");

export const tooManyRecipients = (max: number): SmtpRefusal => refusal(452, "4.5.3", `Too many recipients: at most ${max} per message`);

export const messageOverServerLimit = (maxBytes: number): SmtpRefusal =>
  refusal(552, "5.3.4", `Message size exceeds the server's limit of ${maxBytes} bytes`);

export const messageOverRecipientLimit = (rcpt: string, maxBytes: number): SmtpRefusal =>
  refusal(552, "5.3.4", `Message size exceeds the limit of ${maxBytes} bytes for <${rcpt}>`);

export const localError = (): SmtpRefusal => refusal(451, "4.3.0", "Local error in processing; try again later");

export const shuttingDown = (host: string): SmtpRefusal => refusal(421, "4.3.2", `${host} Service shutting down`);

/** A refusal as smtp-server's text (enhanced status codes are off in the library, we write our own). */
export const replyText = (r: SmtpRefusal): string => `${r.enhanced} ${r.text}`;

// Issue 11: the sign-in gate's refusals. A lock is temporary (4xx: the client may try again
// later, and should not drop the account's settings); an IP rule is permanent for that network.
export const accountLocked = (until: Date | undefined): SmtpRefusal =>
  refusal(
    454,
    "4.7.0",
    `Authentication refused: this account is temporarily locked after repeated failed logins${until ? ` until ${until.toISOString()} (UTC)` : ""}; try again later or ask your administrator`,
  );

export const ipDenied = (): SmtpRefusal =>
  refusal(535, "5.7.1", "Authentication refused: your organisation does not allow mail client logins from this network");
