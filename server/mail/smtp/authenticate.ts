import type { MailAccount, SmtpRefusal } from "../engine.types";
import { verifyMailLogin } from "../auth/verify-mail-login";
import { accountDisabled, badCredentials, mustChangePassword } from "./smtp-replies";

/** SMTP AUTH (PLAIN, LOGIN) on submission: the account, or the 535 that says why not. */
export async function authenticate(username: string, password: string, clientIp: string): Promise<MailAccount | SmtpRefusal> {
  const r = await verifyMailLogin(username, password, { ip: clientIp });
  if (r.ok) return r.account;
  if (r.reason === "disabled") return accountDisabled();
  if (r.reason === "must_change_password") return mustChangePassword();
  return badCredentials();
}
