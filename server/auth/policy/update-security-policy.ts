import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { say } from "@/server/shared/errors";
import { refuseIfAny } from "@/server/sla/admin-fields";
import { getSecurityPolicy, type SecurityPolicyView } from "./get-security-policy";
import { KNOB_LABELS, policyFieldErrors } from "./policy-rules";
import { auditTenantOfScope, isPlatform, scopeTransaction } from "./policy-scope";
import type { TUpdatePolicyRequest } from "./policy.types";
import { loadSecurityPolicy, type SecurityPolicyValues } from "./security-policy";
import { callerKeepsWebAccess, loadChannelRules, selfLockoutError } from "./caller-access";

const INVALID = say("The security settings are not valid", "安全设置填写有误");

/**
 * Changes some knobs of a scope's policy (tenant admins: their tenant; operators: "platform").
 * The knobs not sent keep their values; the whole result is validated, and refused as a whole
 * with a field error per problem, writing nothing. A tenant admin cannot switch the web portal's
 * default to deny while their own address has no allow rule: they would be shut out of the
 * console that could undo it. Saving what is already in force writes and audits nothing.
 */
export async function updateSecurityPolicy(actor: AuditActor, scope: string, input: TUpdatePolicyRequest): Promise<SecurityPolicyView> {
  await scopeTransaction(scope, async (tx) => {
    const before = await loadSecurityPolicy(scope, tx);
    const sent = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<SecurityPolicyValues>;
    const next: SecurityPolicyValues = { ...before, ...sent };
    const errors = policyFieldErrors(next);
    if (isPlatform(scope)) refuseDenyForStaff(next, errors);
    refuseIfAny(errors, INVALID);
    const changed = (Object.keys(next) as (keyof SecurityPolicyValues)[]).filter((k) => next[k] !== before[k]);
    if (changed.length === 0) return;
    if (!isPlatform(scope) && next.webDefault === "deny" && before.webDefault !== "deny") {
      const rules = await loadChannelRules(tx, scope, "web");
      if (!callerKeepsWebAccess(rules, "deny", actor.ip)) throw selfLockoutError(actor.ip, "webDefault");
    }
    const now = clock.now();
    await tx.securityPolicy.upsert({ where: { scope }, create: { scope, ...next, updatedById: actor.id, updatedAt: now }, update: { ...next, updatedById: actor.id, updatedAt: now } });
    const pick = (v: SecurityPolicyValues) => Object.fromEntries(changed.map((k) => [k, v[k]]));
    await recordAudit(actor, { action: "security_policy.update", tenantId: auditTenantOfScope(scope), target: { type: "security_policy", id: scope }, details: { scope, from: pick(before), to: pick(next) } }, tx);
  });
  return getSecurityPolicy(scope);
}

/** Staff accounts have no IP rules (those are a tenant's), so a deny default would shut out every operator. */
function refuseDenyForStaff(next: SecurityPolicyValues, errors: Parameters<typeof refuseIfAny>[0]): void {
  for (const field of ["webDefault", "mailDefault"] as const) {
    if (next[field] === "deny") {
      (errors[field] ??= []).push(
        say(`${KNOB_LABELS[field].en}: staff accounts have no IP sign-in rules, so the platform's default stays allow`, `${KNOB_LABELS[field]["zh-CN"]}：平台员工帐号没有 IP 登录规则，平台默认规则只能是允许`),
      );
    }
  }
}
