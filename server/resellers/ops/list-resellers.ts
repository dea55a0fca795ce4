import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { ROW_SELECT, toRow } from "./reseller-view";
import type { ResellerRow, TListResellersRequest } from "./reseller.types";
import { likeLiteral } from "@/server/shared/like-literal";

const LIMIT = 1000;

/**
 * The operator's reseller list, flat (the page nests sub-resellers under their parents).
 * A search by name also keeps the parents of matching sub-resellers, so the tree stays whole.
 */
export async function listResellers(input: TListResellersRequest): Promise<ResellerRow[]> {
  const where: Prisma.ResellerWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.parentId ? { parentId: input.parentId } : {}),
  };
  if (input.search) {
    const search = input.search;
    where.OR = [{ name: { contains: likeLiteral(search) } }, { contactName: { contains: likeLiteral(search) } }, { contactEmail: { contains: likeLiteral(search) } }, { children: { some: { name: { contains: likeLiteral(search) } } } }];
  }
  const rows = await db.reseller.findMany({ where, select: ROW_SELECT, orderBy: [{ name: "asc" }, { id: "asc" }], take: LIMIT });
  return rows.map(toRow);
}
