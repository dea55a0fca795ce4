import { notFound } from "@/server/shared/errors";
import type { Tx } from "../tenant-transaction";

/** One of the caller's lists: another tenant's id is NOT_FOUND, exactly like an unknown one. */
export async function loadTenantList(tx: Tx, tenantId: string, listId: string) {
  const list = await tx.mailingList.findFirst({ where: { id: listId, tenantId }, select: { id: true, address: true, name: true, description: true, policy: true } });
  if (!list) throw notFound("Mailing list");
  return list;
}
