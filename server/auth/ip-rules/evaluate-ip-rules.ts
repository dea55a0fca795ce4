import { cidrContains, parseCidr } from "./cidr";

export type IpRuleAction = "allow" | "deny";
export type IpRuleInput = { action: IpRuleAction; cidr: string };
export type IpRuleDecision = { action: IpRuleAction; matched: string | null };

/**
 * What a tenant's sign-in rules of one channel say about a source address (docs/security.md,
 * "IP sign-in rules"): the most specific matching range decides (the longest prefix), so an
 * allowed office /24 inside a denied /8 gets in; at equal length a deny wins over an allow;
 * when nothing matches, or the address is unknown, the channel's default applies. The order
 * the rules were written in never matters. IPv4 rules never match IPv6 addresses and the other
 * way round, except that an IPv4-mapped IPv6 address is its IPv4 address.
 */
export function evaluateIpRules(rules: readonly IpRuleInput[], fallback: IpRuleAction, ip: string | null): IpRuleDecision {
  if (!ip) return { action: fallback, matched: null };
  let best: { action: IpRuleAction; cidr: string; prefix: number } | null = null;
  for (const rule of rules) {
    const parsed = parseCidr(rule.cidr);
    if (!parsed.ok || !cidrContains(parsed.cidr, ip)) continue;
    const better = !best || parsed.prefix > best.prefix || (parsed.prefix === best.prefix && rule.action === "deny" && best.action === "allow");
    if (better) best = { action: rule.action, cidr: parsed.cidr, prefix: parsed.prefix };
  }
  return best ? { action: best.action, matched: best.cidr } : { action: fallback, matched: null };
}
