import type { AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { checkAndApply, type CheckAndApplyResult } from "./check-and-apply";

/** The wizard's "check now": one of the tenant's domains (another tenant's is NOT_FOUND), applied as a manual check. */
export async function checkDomainNow(actor: AuditActor, tenantId: string, domainId: string): Promise<CheckAndApplyResult> {
  const owned = await db.domain.count({ where: { id: domainId, tenantId } });
  if (!owned) throw notFound("Domain");
  return checkAndApply(domainId, { trigger: "manual", actor });
}
