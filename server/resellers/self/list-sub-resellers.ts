import { db } from "@/server/shared/db";
import { ROW_SELECT, toRow } from "../ops/reseller-view";
import type { ResellerRow } from "../ops/reseller.types";

/** The caller's sub-resellers (none for a sub-reseller: the tree is one level deep). */
export async function listSubResellers(resellerId: string): Promise<(ResellerRow & { serviceHours: string | null; logo: string | null })[]> {
  const rows = await db.reseller.findMany({ where: { parentId: resellerId }, select: { ...ROW_SELECT, serviceHours: true, logo: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ ...toRow(r), serviceHours: r.serviceHours, logo: r.logo }));
}
