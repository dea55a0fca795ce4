import type { AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { insertReseller, type CreatedReseller } from "../ops/insert-reseller";
import { loadReseller } from "../ops/reseller-guard";
import { mayHaveSubResellers } from "../ops/tree-rules";
import type { TCreateSubResellerRequest } from "./self.types";

/**
 * A top-level reseller opens a sub-reseller under itself: it inherits the parent's wholesale
 * discount and starts with no credit (0) until an operator sets one; its first staff account is
 * invited in the parent's name.
 */
export async function createSubReseller(actor: AuditActor, resellerId: string, input: TCreateSubResellerRequest): Promise<CreatedReseller> {
  const me = await loadReseller(db, resellerId, { requireActive: true });
  if (!mayHaveSubResellers(me)) {
    throw new DomainError("FORBIDDEN", say("Only a top-level reseller can have sub-resellers", "只有一级经销商可以开设下级经销商"));
  }
  return insertReseller(actor, { ...input, parentId: me.id, discountBps: me.discountBps, creditLimit: 0 }, { invitedBy: (parentName) => parentName ?? me.name, requireActiveParent: true });
}
