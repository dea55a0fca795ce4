import { db } from "@/server/shared/db";
import { resellersInTree } from "@/server/resellers/reseller-tree";

/** The tenants a reseller may address: its own clients and its sub-resellers', by name. */
export async function listAudienceClients(resellerId: string): Promise<{ id: string; name: string }[]> {
  return db.tenant.findMany({ where: { resellerId: { in: await resellersInTree(resellerId) } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
