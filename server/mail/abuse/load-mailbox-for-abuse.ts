import type { Prisma } from "@/server/generated/prisma/client.ts";
import { notFound } from "@/server/shared/errors";

export type AbuseMailbox = { id: string; tenantId: string; address: string; sendingSuspendedAt: Date | null; sendingSuspendedReason: string | null };

/** A mailbox by id, for the operators (any tenant's); its row is locked for the rest of `tx`. */
export async function lockMailboxForAbuse(tx: Prisma.TransactionClient, mailboxId: string): Promise<AbuseMailbox> {
  const rows = await tx.$queryRaw<AbuseMailbox[]>`
    SELECT id, tenantId, address, sendingSuspendedAt, sendingSuspendedReason FROM Mailbox WHERE id = ${mailboxId} FOR UPDATE`;
  const m = rows[0];
  if (!m) throw notFound("Mailbox");
  return m;
}
