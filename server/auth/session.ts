import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { revalidateSessionUser } from "./revalidate-session-user";
import type { SessionUser } from "./session-user";

/**
 * The signed-in user in a server component, route handler or the tRPC context; null if none,
 * or if the account changed since the token was signed (disabled, moved, given another role).
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = (session as { user?: Partial<SessionUser> } | null)?.user;
  return user?.id && user.role ? revalidateSessionUser(user as SessionUser) : null;
}

/**
 * For route handlers (downloads, uploads): a session that must first change its password or enrol
 * a second factor may do nothing there, as in every tRPC procedure outside the allowed few; it is
 * answered like a signed-out one.
 */
export async function currentUnrestrictedUser(): Promise<SessionUser | null> {
  const user = await currentUser();
  return user && !user.restriction ? user : null;
}
