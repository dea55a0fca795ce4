import { db } from "@/server/shared/db";
import { sessionOfMailbox } from "./sign-in-mailbox";
import type { SessionUser } from "./session-user";

/**
 * A session token is signed for 8 hours, but an account can be disabled, or moved to another
 * role, tenant or reseller, in the meantime. Every request re-reads the row by primary key
 * (one indexed lookup) and treats a token that no longer matches as signed out.
 */
export async function revalidateSessionUser(token: SessionUser): Promise<SessionUser | null> {
  if (token.role === "mailbox_user") return revalidateMailboxUser(token);
  const row = await db.user.findUnique({
    where: { id: token.id },
    select: { email: true, name: true, role: true, status: true, tenantId: true, resellerId: true },
  });
  if (!row || row.status !== "active") return null;
  if (row.role !== token.role || row.tenantId !== token.tenantId || row.resellerId !== token.resellerId) return null;
  return { id: token.id, email: row.email, name: row.name, role: row.role, tenantId: row.tenantId, resellerId: row.resellerId };
}

/** A mailbox user's session ends when the mailbox is disabled, deleted, moved or its tenant terminated. */
async function revalidateMailboxUser(token: SessionUser): Promise<SessionUser | null> {
  if (!token.mailboxId || token.mailboxId !== token.id) return null;
  const row = await db.mailbox.findUnique({
    where: { id: token.mailboxId },
    select: { id: true, address: true, displayName: true, tenantId: true, status: true, tenant: { select: { status: true, purgedAt: true } } },
  });
  if (!row || row.status !== "active" || row.tenantId !== token.tenantId) return null;
  if (row.tenant.status === "frozen" || row.tenant.purgedAt) return null;
  return sessionOfMailbox(row);
}
