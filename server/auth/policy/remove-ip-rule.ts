import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { tenantTransaction } from "@/server/tenants/tenant-transaction";
import { callerKeepsWebAccess, loadChannelRules, selfLockoutError } from "./caller-access";
import { loadSecurityPolicy } from "./security-policy";

export const ipRuleNotFound = () => new DomainError("NOT_FOUND", say("IP rule not found", "IP 登录规则不存在"));

/**
 * Removes one IP rule. `tenantId`: the caller's tenant (a tenant admin: another tenant's rule is
 * NOT_FOUND), or null for an operator, who may remove any tenant's. A tenant admin cannot remove
 * the web rule that is all that lets their own address in (see caller-access.ts).
 */
export async function removeIpRule(actor: AuditActor, id: string, tenantId: string | null): Promise<{ id: string; removed: true }> {
  const found = await db.ipRule.findFirst({ where: { id, ...(tenantId ? { tenantId } : {}) }, select: { tenantId: true } });
  if (!found) throw ipRuleNotFound();
  return tenantTransaction(found.tenantId, async (tx) => {
    const rule = await tx.ipRule.findFirst({ where: { id, tenantId: found.tenantId } });
    if (!rule) throw ipRuleNotFound();
    if (tenantId && rule.channel === "web") {
      const [rules, policy] = await Promise.all([loadChannelRules(tx, rule.tenantId, "web"), loadSecurityPolicy(rule.tenantId, tx)]);
      const rest = rules.filter((r) => !(r.cidr === rule.cidr && r.action === rule.action));
      if (callerKeepsWebAccess(rules, policy.webDefault, actor.ip) && !callerKeepsWebAccess(rest, policy.webDefault, actor.ip)) throw selfLockoutError(actor.ip, "id");
    }
    await tx.ipRule.delete({ where: { id } });
    await recordAudit(actor, { action: "ip_rule.delete", tenantId: rule.tenantId, target: { type: "ip_rule", id }, details: { channel: rule.channel, action: rule.action, cidr: rule.cidr, note: rule.note } }, tx);
    return { id, removed: true as const };
  });
}
