import { describe, expect, it } from "vitest";
import { CONTRACT_TARGETS } from "@/server/sla/rules/contract-targets";
import { targetProblems } from "@/server/sla/targets/target-bounds";
import { formBounds, kindOf, TARGET_ORDER, toTargetForm, toTargets } from "./sla-target-values";

describe("SLA target form values", () => {
  it("shows the contract's figures in percent, seconds of allowance and seconds of latency", () => {
    const form = toTargetForm(CONTRACT_TARGETS);
    expect(form.availabilityPpm).toBe(99.9);
    expect(form.powerPpm).toBe(99.99);
    expect(form.falsePositivePpm).toBe(0.01);
    expect(form.availabilityAllowanceSec).toBe(2640);
    expect(form.powerAllowanceSec).toBe(264);
    expect(form.sendMeanMs).toBe(60);
    expect(form.receiveMaxMs).toBe(3600);
    expect(TARGET_ORDER).toHaveLength(14);
  });

  it("converts back exactly, four decimals of percent included", () => {
    expect(toTargets(toTargetForm(CONTRACT_TARGETS))).toEqual(CONTRACT_TARGETS);
    const changed = toTargets({ ...toTargetForm(CONTRACT_TARGETS), availabilityPpm: 99.95, falsePositivePpm: 0.0001, sendMeanMs: 0.5 });
    expect([changed.availabilityPpm, changed.falsePositivePpm, changed.sendMeanMs]).toEqual([999_500, 1, 500]);
  });

  it("gives the server's bounds in the form's units, and an empty field the server refuses", () => {
    expect(formBounds("spamCaughtPpm")).toEqual({ min: 0, max: 100 });
    expect(formBounds("availabilityAllowanceSec")).toEqual({ min: 0, max: 43_200 });
    expect(formBounds("sendMaxMs")).toEqual({ min: 1, max: 86_400 });
    expect(kindOf("virusRemovedPpm")).toBe("percent");
    const empty = toTargets({ ...toTargetForm(CONTRACT_TARGETS), sendMaxMs: null });
    expect(Object.keys(targetProblems(empty))).toEqual(["sendMaxMs"]);
  });
});
