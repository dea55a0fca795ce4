import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { assertWritable, tenantTransaction } from "@/server/tenants/tenant-transaction";
import { getSpamPolicy, type SpamPolicyView } from "./get-spam-policy";
import { spamPolicyFieldErrors } from "./spam-policy-messages";
import type { TUpdateSpamPolicyRequest } from "./spam-policy.types";

/**
 * A tenant admin sets the tenant's thresholds and virus action (issue 8 §4), within the
 * platform's bounds and in order (mark ≤ quarantine < reject). Refused as a whole with a field
 * error per problem; nothing is written then. Saving what is already in force is a no-op and
 * not audited. The engine applies it to the messages that follow.
 */
export async function updateSpamPolicy(actor: AuditActor, tenantId: string, input: TUpdateSpamPolicyRequest): Promise<SpamPolicyView> {
  const errors = spamPolicyFieldErrors(input);
  if (Object.keys(errors).length > 0) {
    throw new DomainError("BAD_INPUT", say("The spam thresholds are not valid", "垃圾邮件阈值填写有误"), errors);
  }
  await tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const before = await tx.spamPolicy.findUnique({ where: { tenantId } });
    const next = { addHeaderScore: input.addHeaderScore, quarantineScore: input.quarantineScore, rejectScore: input.rejectScore, virusAction: input.virusAction };
    const unchanged = before && (Object.keys(next) as (keyof typeof next)[]).every((k) => before[k] === next[k]);
    if (unchanged) return;
    await tx.spamPolicy.upsert({ where: { tenantId }, create: { tenantId, ...next, updatedAt: clock.now() }, update: { ...next, updatedAt: clock.now() } });
    const from = before ? { addHeaderScore: before.addHeaderScore, quarantineScore: before.quarantineScore, rejectScore: before.rejectScore, virusAction: before.virusAction } : null;
    await recordAudit(actor, { action: "spam_policy.update", tenantId, target: { type: "tenant", id: tenantId }, details: { from, to: next } }, tx);
  });
  return getSpamPolicy(tenantId);
}
