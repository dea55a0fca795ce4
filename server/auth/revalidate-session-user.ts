import { db } from "@/server/shared/db";
import type { SessionUser } from "./session-user";

/**
 * A session token is signed for 8 hours, but an account can be disabled, or moved to another
 * role, tenant or reseller, in the meantime. Every request re-reads the row by primary key
 * (one indexed lookup) and treats a token that no longer matches as signed out.
 */
export async function revalidateSessionUser(token: SessionUser): Promise<SessionUser | null> {
  const row = await db.user.findUnique({
    where: { id: token.id },
    select: { email: true, name: true, role: true, status: true, tenantId: true, resellerId: true },
  });
  if (!row || row.status !== "active") return null;
  if (row.role !== token.role || row.tenantId !== token.tenantId || row.resellerId !== token.resellerId) return null;
  return { id: token.id, email: row.email, name: row.name, role: row.role, tenantId: row.tenantId, resellerId: row.resellerId };
}
