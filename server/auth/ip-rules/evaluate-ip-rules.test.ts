import { describe, expect, it } from "vitest";
import { evaluateIpRules, type IpRuleInput } from "./evaluate-ip-rules";

// The example table of docs/security.md, "IP sign-in rules".
const rules: IpRuleInput[] = [
  { action: "deny", cidr: "10.0.0.0/8" },
  { action: "allow", cidr: "10.1.0.0/16" },
  { action: "deny", cidr: "10.1.2.0/24" },
  { action: "allow", cidr: "10.1.2.0/24" },
  { action: "allow", cidr: "2001:db8::/32" },
  { action: "deny", cidr: "2001:db8:bad::/48" },
];

describe("evaluateIpRules", () => {
  it.each([
    ["10.9.9.9", "allow", "deny", "10.0.0.0/8"],
    ["10.1.9.9", "deny", "allow", "10.1.0.0/16"],
    ["10.1.2.3", "allow", "deny", "10.1.2.0/24"],
    ["::ffff:10.1.2.3", "allow", "deny", "10.1.2.0/24"],
    ["192.0.2.1", "allow", "allow", null],
    ["192.0.2.1", "deny", "deny", null],
    ["2001:db8:1::1", "deny", "allow", "2001:db8::/32"],
    ["2001:db8:bad::1", "allow", "deny", "2001:db8:bad::/48"],
    ["2001:db9::1", "deny", "deny", null],
  ] as const)("%s with default %s → %s (%s)", (ip, fallback, action, matched) => {
    expect(evaluateIpRules(rules, fallback, ip)).toEqual({ action, matched });
  });

  it("does not depend on the order the rules were written in", () => {
    const reversed = [...rules].reverse();
    for (const ip of ["10.9.9.9", "10.1.9.9", "10.1.2.3", "2001:db8:bad::1"]) {
      expect(evaluateIpRules(reversed, "allow", ip)).toEqual(evaluateIpRules(rules, "allow", ip));
    }
  });

  it("gives an unknown address the default", () => {
    expect(evaluateIpRules(rules, "deny", null)).toEqual({ action: "deny", matched: null });
    expect(evaluateIpRules(rules, "allow", null)).toEqual({ action: "allow", matched: null });
  });

  it("ignores a malformed stored rule and an unparsable address", () => {
    expect(evaluateIpRules([{ action: "deny", cidr: "10.0.0.0/33" }], "allow", "10.0.0.1")).toEqual({ action: "allow", matched: null });
    expect(evaluateIpRules(rules, "allow", "garbage")).toEqual({ action: "allow", matched: null });
  });

  it("with no rules is the default", () => {
    expect(evaluateIpRules([], "deny", "203.0.113.5")).toEqual({ action: "deny", matched: null });
  });
});
