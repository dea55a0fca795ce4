import type { Role } from "@/server/generated/prisma/enums.ts";

export type { Role };

/** Where each role lands after signing in, and the area of the portal it owns. */
export const ROLE_HOME: Record<Role, string> = {
  tenant_admin: "/console",
  reseller: "/reseller",
  operator: "/ops",
};

/** The role that owns a portal path, or null for shared pages. */
export function roleForPath(pathname: string): Role | null {
  for (const [role, home] of Object.entries(ROLE_HOME) as [Role, string][]) {
    if (pathname === home || pathname.startsWith(home + "/")) return role;
  }
  return null;
}
