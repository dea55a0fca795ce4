import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";

type Reader = Pick<typeof db, "reseller">;

export type StandingReseller = { id: string; name: string; parentId: string | null };

/**
 * The reseller a client is created (or invited) under must be in business: it, and its parent for
 * a sub-reseller, not suspended. Suspension applies through the tree, so a suspended agent's
 * sub-agents sign no new clients either.
 */
export async function assertResellerActive(resellerId: string, tx: Reader = db): Promise<StandingReseller> {
  const reseller = await tx.reseller.findUnique({
    where: { id: resellerId },
    select: { id: true, name: true, parentId: true, status: true, parent: { select: { status: true } } },
  });
  if (!reseller) throw new DomainError("NOT_FOUND", say("Reseller not found", "经销商不存在"));
  if (reseller.status === "suspended" || reseller.parent?.status === "suspended") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say("This reseller account is suspended: it cannot take on or invite clients until the platform reactivates it", "该经销商账户已暂停，平台恢复前不能新建或邀请客户"),
    );
  }
  return { id: reseller.id, name: reseller.name, parentId: reseller.parentId };
}
