import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { evaluateIpRules, type IpRuleInput } from "../ip-rules/evaluate-ip-rules";
import type { GateChannel } from "./gate.types";

/** Portal and self-service sign-ins obey the web rules; SMTP AUTH and POP3 the mail rules. */
export const ipRuleChannelOf = (channel: GateChannel): "web" | "mail" => (channel === "smtp" || channel === "pop3" ? "mail" : "web");

/** The scope's sign-in rules for the channel (at most a few hundred: policy-scope.ts caps them). */
export function loadIpRules(scope: string, channel: GateChannel): Promise<IpRuleInput[]> {
  return db.ipRule.findMany({ where: { tenantId: scope, channel: ipRuleChannelOf(channel) }, select: { action: true, cidr: true } });
}

/**
 * The rules applied to `ip` (evaluateIpRules: longest prefix, deny at a tie, else the policy's
 * default for the channel). Null when allowed; else the reason the login log shows
 * ("deny rule 10.0.0.0/8 (mail)", "default deny (web)").
 */
export function ipRuleDenial(rules: readonly IpRuleInput[], channel: GateChannel, ip: string | null, policy: SecurityPolicyValues): string | null {
  const ruleChannel = ipRuleChannelOf(channel);
  const fallback = ruleChannel === "web" ? policy.webDefault : policy.mailDefault;
  const decision = evaluateIpRules(rules, fallback, ip);
  if (decision.action === "allow") return null;
  return decision.matched ? `deny rule ${decision.matched} (${ruleChannel})` : `default deny (${ruleChannel})${ip ? "" : ", address unknown"}`;
}
