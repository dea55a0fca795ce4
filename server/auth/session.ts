import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

/** The signed-in user in a server component, route handler or the tRPC context; null if none. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const user = (session as { user?: Partial<SessionUser> } | null)?.user;
  return user?.id && user.role ? (user as SessionUser) : null;
}
