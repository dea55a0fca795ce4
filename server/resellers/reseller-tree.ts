import { db } from "@/server/shared/db";

type Reader = Pick<typeof db, "reseller">;

/**
 * The resellers whose clients `resellerId` may reach: itself and its sub-resellers (the tree is
 * one level deep). A sub-reseller's tree is itself alone, so siblings never see each other.
 */
export async function resellersInTree(resellerId: string, tx: Reader = db): Promise<string[]> {
  const children = await tx.reseller.findMany({ where: { parentId: resellerId }, select: { id: true } });
  return [resellerId, ...children.map((c) => c.id)];
}
