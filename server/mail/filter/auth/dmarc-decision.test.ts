import { describe, expect, it } from "vitest";
import { dmarcDecision, effectivePolicy, type DmarcSummary } from "./dmarc-decision";

const fail = (policy: string | null, pct: number | null = null): DmarcSummary => ({ result: "fail", policy, domain: "forged.test", pct });

describe("dmarcDecision", () => {
  it("refuses a p=reject failure with 550 5.7.1 naming the domain", () => {
    const d = dmarcDecision({ dmarc: fail("reject"), dependsOnTemperror: false, sample: 0 });
    expect(d && "refusal" in d && d.refusal).toMatchObject({ code: 550, enhanced: "5.7.1" });
    expect(d && "refusal" in d && d.refusal.text).toMatch(/forged\.test.*DMARC|DMARC.*forged\.test/);
  });
  it("quarantines a p=quarantine failure for every local recipient", () => {
    expect(dmarcDecision({ dmarc: fail("quarantine"), dependsOnTemperror: false, sample: 0 })).toEqual({
      quarantine: { kind: "dmarc", score: null, reasons: [{ name: "DMARC_POLICY_QUARANTINE", description: "dmarc=fail header.from=forged.test (p=quarantine)" }], tenantIds: null },
    });
  });
  it("does nothing for pass, none, temperror, or p=none", () => {
    for (const result of ["pass", "none", "temperror", "permerror"]) expect(dmarcDecision({ dmarc: { ...fail("reject"), result }, dependsOnTemperror: false, sample: 0 })).toBeNull();
    expect(dmarcDecision({ dmarc: fail("none"), dependsOnTemperror: false, sample: 0 })).toBeNull();
    expect(dmarcDecision({ dmarc: null, dependsOnTemperror: true, sample: 0 })).toBeNull();
  });
  it("defers (451 4.7.1) a failure that rests on a temporary DNS error instead of bouncing it", () => {
    const d = dmarcDecision({ dmarc: fail("reject"), dependsOnTemperror: true, sample: 0 });
    expect(d && "refusal" in d && d.refusal).toMatchObject({ code: 451, enhanced: "4.7.1" });
  });
});

describe("effectivePolicy (pct= sampling)", () => {
  it.each([
    ["reject", null, 99, "reject"],
    ["reject", 50, 49.9, "reject"],
    ["reject", 50, 50, "quarantine"],
    ["quarantine", 0, 0, "none"],
    ["quarantine", 100, 99.9, "quarantine"],
    [null, null, 0, "none"],
  ] as const)("%s pct=%s sample=%s → %s", (p, pct, sample, want) => expect(effectivePolicy(p, pct, sample)).toBe(want));
});
