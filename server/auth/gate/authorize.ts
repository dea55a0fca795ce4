import { signIn, type SignInContext, type SignInOutcome } from "../sign-in";
import { signInMailbox } from "../sign-in-mailbox";
import type { SessionUser } from "../session-user";

// next-auth's authorize callbacks (server/auth/options.ts) call these. A thrown Error's message
// reaches the sign-in form as `result.error` (design: "Refusal codes of the sign-in form"); a
// plain null is next-auth's CredentialsSignin, the generic "wrong e-mail or password".
const FORM_CODES = new Set(["second_factor_required", "second_factor_failed", "locked", "ip_denied", "rate_limited"]);

function toSessionUser(outcome: SignInOutcome): SessionUser | null {
  if (outcome.ok) return outcome.user;
  if (!FORM_CODES.has(outcome.refusal)) return null;
  // "locked:<ISO time>": the form tells when to try again. Only someone who knows the address
  // and hit its lock sees it; the lock itself already says the account exists.
  if (outcome.refusal === "locked" && outcome.lockedUntil) throw new Error(`locked:${outcome.lockedUntil.toISOString()}`);
  throw new Error(outcome.refusal);
}

export async function authorizeAccount(credentials: unknown, ctx: SignInContext): Promise<SessionUser | null> {
  return toSessionUser(await signIn(credentials, ctx));
}

export async function authorizeMailbox(credentials: unknown, ctx: SignInContext): Promise<SessionUser | null> {
  return toSessionUser(await signInMailbox(credentials, ctx));
}
