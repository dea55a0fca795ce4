import { signIn, type SignInContext } from "../sign-in";
import { signInMailbox } from "../sign-in-mailbox";
import type { SessionUser } from "../session-user";

// next-auth's authorize callbacks (server/auth/options.ts) call these; the sign-in gate
// (lockout, IP rules, second factor, login log) lives behind them.

export async function authorizeAccount(credentials: unknown, ctx: SignInContext): Promise<SessionUser | null> {
  return signIn(credentials, ctx);
}

export async function authorizeMailbox(credentials: unknown, ctx: SignInContext): Promise<SessionUser | null> {
  return signInMailbox(credentials, ctx);
}
