import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { auditTenantOfScope, scopeTransaction } from "./policy-scope";

/** Removes one entry of the caller's scope's allow-list; another scope's entry is NOT_FOUND. */
export async function removeAllowEntry(actor: AuditActor, scope: string, id: string): Promise<{ id: string; removed: true }> {
  return scopeTransaction(scope, async (tx) => {
    const entry = await tx.lockoutAllowEntry.findFirst({ where: { id, scope } });
    if (!entry) throw new DomainError("NOT_FOUND", say("Allow-list entry not found", "白名单条目不存在"));
    await tx.lockoutAllowEntry.delete({ where: { id } });
    await recordAudit(actor, { action: "lockout_allow.delete", tenantId: auditTenantOfScope(scope), target: { type: "lockout_allow_entry", id }, details: { scope, cidr: entry.cidr, note: entry.note } }, tx);
    return { id, removed: true as const };
  });
}
