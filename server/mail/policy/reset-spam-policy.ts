import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { assertWritable, tenantTransaction } from "@/server/tenants/tenant-transaction";
import { getSpamPolicy, type SpamPolicyView } from "./get-spam-policy";

/**
 * Back to the platform's defaults: the tenant's row is deleted rather than overwritten with
 * today's defaults, so a later change of the defaults reaches it too. A tenant already on the
 * defaults is left alone and nothing is audited.
 */
export async function resetSpamPolicy(actor: AuditActor, tenantId: string): Promise<SpamPolicyView> {
  await tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const before = await tx.spamPolicy.findUnique({ where: { tenantId } });
    if (!before) return;
    await tx.spamPolicy.delete({ where: { tenantId } });
    const from = { addHeaderScore: before.addHeaderScore, quarantineScore: before.quarantineScore, rejectScore: before.rejectScore, virusAction: before.virusAction };
    await recordAudit(actor, { action: "spam_policy.reset", tenantId, target: { type: "tenant", id: tenantId }, details: { from, to: "platform defaults" } }, tx);
  });
  return getSpamPolicy(tenantId);
}
