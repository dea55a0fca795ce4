import type { Role } from "@/server/generated/prisma/enums.ts";

export type { Role };

/**
 * A session's role: the account roles of the User table, plus the mailbox user who signs in to
 * the self-service page with a mailbox's own address and password. "mailbox_user" exists only
 * in sessions, never in the database's Role column (a mailbox is not a User row).
 */
export type SessionRole = Role | "mailbox_user";

/** Where each role lands after signing in, and the area of the portal it owns. */
export const ROLE_HOME: Record<SessionRole, string> = {
  tenant_admin: "/console",
  reseller: "/reseller",
  operator: "/ops",
  mailbox_user: "/mailbox",
};

/** The role that owns a portal path, or null for shared pages. */
export function roleForPath(pathname: string): SessionRole | null {
  for (const [role, home] of Object.entries(ROLE_HOME) as [SessionRole, string][]) {
    if (pathname === home || pathname.startsWith(home + "/")) return role;
  }
  return null;
}
