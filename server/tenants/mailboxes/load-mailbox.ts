import { notFound } from "@/server/shared/errors";
import type { Tx } from "../tenant-transaction";

export type TenantMailbox = { id: string; address: string; localPart: string; displayName: string; status: "active" | "disabled"; usedBytes: bigint; quotaMb: number };

/** One of the caller's mailboxes; another tenant's is NOT_FOUND (never says whose). */
export async function loadTenantMailbox(tx: Tx, tenantId: string, mailboxId: string): Promise<TenantMailbox> {
  const mailbox = await tx.mailbox.findFirst({
    where: { id: mailboxId, tenantId },
    select: { id: true, address: true, localPart: true, displayName: true, status: true, usedBytes: true, quotaMb: true },
  });
  if (!mailbox) throw notFound("Mailbox");
  return mailbox;
}
