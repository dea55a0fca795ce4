import { db } from "@/server/shared/db";
import { loadSecurityPolicy } from "./security-policy";
import { MAX_ENTRIES } from "./policy-scope";

export type IpRuleView = { id: string; channel: "web" | "mail"; action: "allow" | "deny"; cidr: string; note: string | null; createdAt: Date };

export type IpRulesView = {
  rules: IpRuleView[];
  /** What an address no rule matches gets, per channel (the tenant's policy). */
  defaults: { web: "allow" | "deny"; mail: "allow" | "deny" };
  max: number;
};

/** A tenant's IP sign-in rules for both channels, web first, then by range. */
export async function listIpRules(tenantId: string): Promise<IpRulesView> {
  const [rules, policy] = await Promise.all([
    db.ipRule.findMany({ where: { tenantId }, orderBy: [{ channel: "asc" }, { cidr: "asc" }], select: { id: true, channel: true, action: true, cidr: true, note: true, createdAt: true } }),
    loadSecurityPolicy(tenantId),
  ]);
  return { rules, defaults: { web: policy.webDefault, mail: policy.mailDefault }, max: MAX_ENTRIES };
}
