import { db } from "@/server/shared/db";
import { resellerNotFound } from "../ops/reseller-guard";
import { toCard } from "../ops/reseller-view";
import { effectiveStatus, mayHaveSubResellers } from "../ops/tree-rules";
import type { MyReseller } from "./self.types";

/** The caller's own reseller: its card as clients see it, its place in the tree and its status. */
export async function getMyReseller(resellerId: string): Promise<MyReseller> {
  const r = await db.reseller.findUnique({ where: { id: resellerId }, include: { parent: { select: { name: true, status: true } } } });
  if (!r) throw resellerNotFound();
  return {
    ...toCard(r),
    status: r.status,
    effectiveStatus: effectiveStatus(r),
    parentName: r.parent?.name ?? null,
    mayHaveSubResellers: mayHaveSubResellers(r),
    discountBps: r.discountBps,
    creditLimit: Number(r.creditLimit),
    currency: r.currency,
  };
}
