import { beforeAll, describe, expect, it } from "vitest";
import { createPlan } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { callerFor, operatorUser, refusal, slaAdminWriteCounts } from "../sla-admin-test-fixtures";
import { CONTRACT_TARGETS } from "./sla-targets";

const sla = () => callerFor(operatorUser).sla;
let planId: string;

beforeAll(async () => {
  // A plan from before issue 9: no SlaTarget row.
  planId = (await createPlan()).id;
});

describe("getSlaTargets / updateSlaTargets", () => {
  it("gives the contract's figures for a plan without a row", async () => {
    expect(await sla().targets({ planId })).toEqual({ planId, targets: CONTRACT_TARGETS, custom: false, updatedAt: null });
  });

  it("upserts a partial change, keeping the rest, audited with what changed", async () => {
    const updated = await sla().updateTargets({ planId, targets: { availabilityPpm: 999_500, availabilityAllowanceSec: 1_320 } });
    expect(updated).toMatchObject({ custom: true, targets: { ...CONTRACT_TARGETS, availabilityPpm: 999_500, availabilityAllowanceSec: 1_320 } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "sla.targets.update", targetId: planId } });
    expect(audit.details).toEqual({ before: { availabilityPpm: 999_000, availabilityAllowanceSec: 2_640 }, after: { availabilityPpm: 999_500, availabilityAllowanceSec: 1_320 }, hadRow: false });
    const again = await sla().updateTargets({ planId, targets: { sendMaxMs: 1_800_000 } });
    expect(again.targets).toMatchObject({ availabilityPpm: 999_500, sendMaxMs: 1_800_000 });
    expect(await sla().targets({ planId })).toEqual(again);
  });

  it("writes nothing when nothing changes", async () => {
    const before = await slaAdminWriteCounts();
    await sla().updateTargets({ planId, targets: { availabilityPpm: 999_500 } });
    await sla().updateTargets({ planId, targets: {} });
    expect(await slaAdminWriteCounts()).toEqual(before);
  });

  describe("refuses bad input with a clear message and writes nothing", () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["ppm above a million", { spamCaughtPpm: 1_000_001 }, "spamCaughtPpm", "Spam filtered must be a whole number from 0 to 1000000 ppm"],
      ["negative ppm", { falsePositivePpm: -1 }, "falsePositivePpm", "False positives must be a whole number from 0 to 1000000 ppm"],
      ["an allowance above 12 hours", { powerAllowanceSec: 43_201 }, "powerAllowanceSec", "Power allowance must be a whole number from 0 to 43200 seconds"],
      ["a latency under a second", { receiveMeanMs: 999 }, "receiveMeanMs", "Mean receive latency must be a whole number from 1000 to 86400000 ms"],
      ["a latency over a day", { sendMaxMs: 86_400_001 }, "sendMaxMs", "Maximum send latency must be a whole number from 1000 to 86400000 ms"],
      ["a fraction", { virusFoundPpm: 999_000.5 }, "virusFoundPpm", "Viruses found must be a whole number from 0 to 1000000 ppm"],
      ["a maximum below the stored mean", { sendMaxMs: 59_000 }, "sendMeanMs", "Mean send latency cannot exceed the maximum send latency (59000 ms)"],
      ["text for a number", { powerPpm: "999900" }, "targets.powerPpm", "Enter a whole number"],
      ["an unknown target", { uptimePpm: 1 }, "targets", "Unknown target: the targets are availabilityPpm, availabilityAllowanceSec, connectivityPpm, connectivityAllowanceSec, powerPpm, powerAllowanceSec, sendMeanMs, sendMaxMs, receiveMeanMs, receiveMaxMs, spamCaughtPpm, falsePositivePpm, virusFoundPpm, virusRemovedPpm"],
    ];
    for (const [name, targets, field, message] of cases) {
      it(name, async () => {
        const before = await slaAdminWriteCounts();
        const r = await refusal(sla().updateTargets({ planId, targets } as Parameters<ReturnType<typeof sla>["updateTargets"]>[0]));
        expect(r.code).toBe("BAD_REQUEST");
        expect(r.fieldErrors?.[field]).toEqual([message]);
        expect(await slaAdminWriteCounts()).toEqual(before);
      });
    }

    it("an unknown plan → NOT_FOUND, for reading and for writing", async () => {
      const before = await slaAdminWriteCounts();
      expect(await refusal(sla().targets({ planId: "no-such-plan" }))).toMatchObject({ code: "NOT_FOUND", message: "Plan not found" });
      expect(await refusal(sla().updateTargets({ planId: "no-such-plan", targets: { powerPpm: 999_000 } }))).toMatchObject({ code: "NOT_FOUND", message: "Plan not found" });
      expect(await slaAdminWriteCounts()).toEqual(before);
    });
  });
});
