import type { MailAccount, SmtpRefusal } from "../engine.types";
import { verifyMailLogin } from "../auth/verify-mail-login";
import { accountDisabled, accountLocked, badCredentials, ipDenied, mustChangePassword } from "./smtp-replies";

/** SMTP AUTH (PLAIN, LOGIN) on submission: the account, or the refusal that says why not. */
export async function authenticate(username: string, password: string, clientIp: string): Promise<MailAccount | SmtpRefusal> {
  const r = await verifyMailLogin(username, password, { ip: clientIp, channel: "smtp" });
  if (r.ok) return r.account;
  if (r.reason === "disabled") return accountDisabled();
  if (r.reason === "must_change_password") return mustChangePassword();
  if (r.reason === "locked") return accountLocked(r.lockedUntil);
  if (r.reason === "ip_denied") return ipDenied();
  return badCredentials();
}
