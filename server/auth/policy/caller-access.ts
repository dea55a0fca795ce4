import { DomainError, say } from "@/server/shared/errors";
import type { Tx } from "@/server/tenants/tenant-transaction";
import { evaluateIpRules } from "@/server/auth/ip-rules/evaluate-ip-rules";

// A tenant admin signs in to the web portal through their tenant's web rules. A change that
// would deny the admin's own current address there (a deny default, a deny rule over it, or
// removing the allow rule that lets it in) is refused: nobody else in the tenant could undo it.

export type Rule = { action: "allow" | "deny"; cidr: string };

export async function loadChannelRules(tx: Pick<Tx, "ipRule">, tenantId: string, channel: "web" | "mail"): Promise<Rule[]> {
  return tx.ipRule.findMany({ where: { tenantId, channel }, select: { action: true, cidr: true } });
}

/** True when the caller's address still gets in with these rules and this default. */
export const callerKeepsWebAccess = (rules: Rule[], fallback: "allow" | "deny", ip: string | null): boolean => evaluateIpRules(rules, fallback, ip).action === "allow";

/** The refusal, shown under `field` of the form that asked for the change. */
export function selfLockoutError(ip: string | null, field: string): DomainError {
  const text = ip
    ? say(
        `This would deny your own address (${ip}) on the web portal and lock you out. Add an allow rule that covers it first.`,
        `此操作会拒绝您当前的地址（${ip}）登录网页端，把您自己锁在外面。请先添加覆盖该地址的允许规则。`,
      )
    : say("Your address cannot be determined, so this change could lock you out of the web portal", "无法确定您当前的地址，此操作可能会把您自己锁在网页端之外");
  return new DomainError("PRECONDITION_FAILED", text, { [field]: [text] });
}
