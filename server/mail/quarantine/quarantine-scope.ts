import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";

// Whose quarantine a call may touch: a tenant admin's is the whole tenant, a mailbox user's is
// their own mailbox within it. Both come from the session, never from the input; an entry
// outside the scope is NOT_FOUND, exactly like one that does not exist (no existence leak).

export type QuarantineScope = { tenantId: string; mailboxId?: string };

export type Tx = Prisma.TransactionClient;

export const quarantineNotFound = () => new DomainError("NOT_FOUND", say("Quarantined message not found", "隔离邮件不存在"));

/** The where clause that keeps a query inside the scope. */
export function scopeWhere(scope: QuarantineScope): { tenantId: string; mailboxId?: string } {
  return scope.mailboxId ? { tenantId: scope.tenantId, mailboxId: scope.mailboxId } : { tenantId: scope.tenantId };
}

/** The entry `id` within the scope (no lock), or NOT_FOUND. */
export async function findScopedItem(tx: Tx | typeof db, scope: QuarantineScope, id: string) {
  const item = await tx.quarantineItem.findFirst({
    where: { id: BigInt(id), ...scopeWhere(scope) },
    select: { id: true, messageId: true, mailboxId: true, tenantId: true, releasedAt: true, kind: true, sender: true, subject: true, rcpt: true },
  });
  if (!item) throw quarantineNotFound();
  return item;
}

/** Who did it, as written into releasedBy and the delivery log: the account's address. */
export const actorName = (actor: { email: string | null; id: string | null }) => actor.email ?? actor.id ?? "system";
