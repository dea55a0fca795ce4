import { describe, expect, it } from "vitest";
import type { DomainState } from "@/server/generated/prisma/client.ts";
import type { StepStatuses } from "../rules/domain-readiness";
import { nextCheckAt, nextState, targetState, type Trigger } from "./next-state";

const ALL_OK: StepStatuses = { ownership: "ok", mx: "ok", spf: "ok", dkim: "ok" };
const steps = (s: Partial<StepStatuses>): StepStatuses => ({ ...ALL_OK, ...s });
const next = (current: DomainState, s: Partial<StepStatuses>, trigger: Trigger, candidate: DomainState | null = null) =>
  nextState({ current, candidate, steps: steps(s), trigger });

describe("targetState", () => {
  it("follows ownership, then MX+SPF+DKIM, for a new domain", () => {
    expect(targetState("unverified", steps({ ownership: "missing" })).state).toBe("unverified");
    expect(targetState("unverified", steps({ mx: "missing" })).state).toBe("owned");
    expect(targetState("unverified", ALL_OK).state).toBe("mail_ready");
  });

  it("keeps proven ownership when the token record is later removed", () => {
    expect(targetState("owned", steps({ ownership: "missing", mx: "missing" })).state).toBe("owned");
    expect(targetState("mail_ready", steps({ ownership: "missing" })).state).toBe("mail_ready");
  });

  it("degrades a mail_ready or degraded domain that no longer implies mail_ready, naming what fails", () => {
    expect(targetState("mail_ready", steps({ mx: "wrong" }))).toEqual({ state: "degraded", failing: ["mx"] });
    expect(targetState("degraded", steps({ spf: "missing", dkim: "pending" }))).toEqual({ state: "degraded", failing: ["spf"] });
    expect(targetState("degraded", ALL_OK).state).toBe("mail_ready");
  });
});

describe("nextState: flap damping", () => {
  it("stays put, clearing any candidate, when the check agrees with the state", () => {
    expect(next("mail_ready", {}, "schedule", "degraded")).toMatchObject({ state: "mail_ready", candidateState: null, changed: false });
  });

  it("moves a scheduled check only when two consecutive checks agree", () => {
    const first = next("mail_ready", { mx: "wrong" }, "schedule");
    expect(first).toMatchObject({ state: "mail_ready", candidateState: "degraded", changed: false });
    expect(next("mail_ready", { mx: "wrong" }, "schedule", first.candidateState)).toMatchObject({ state: "degraded", candidateState: null, changed: true, failing: ["mx"] });
    expect(next("unverified", {}, "schedule")).toMatchObject({ state: "unverified", candidateState: "mail_ready" });
    expect(next("unverified", {}, "schedule", "mail_ready")).toMatchObject({ state: "mail_ready", changed: true });
  });

  it("a new target replaces a different candidate instead of moving", () => {
    expect(next("unverified", { mx: "missing" }, "schedule", "mail_ready")).toMatchObject({ state: "unverified", candidateState: "owned", changed: false });
  });

  it("lets a manual check move forward at once", () => {
    expect(next("unverified", {}, "manual")).toMatchObject({ state: "mail_ready", candidateState: null, changed: true });
    expect(next("unverified", { spf: "wrong" }, "manual")).toMatchObject({ state: "owned", changed: true });
    expect(next("degraded", {}, "manual")).toMatchObject({ state: "mail_ready", changed: true });
  });

  it("never lets a manual check move backward without a second agreeing check", () => {
    const first = next("mail_ready", { dkim: "missing" }, "manual");
    expect(first).toMatchObject({ state: "mail_ready", candidateState: "degraded", changed: false });
    expect(next("mail_ready", { dkim: "missing" }, "manual", "degraded")).toMatchObject({ state: "degraded", changed: true });
  });

  it("treats a check with only unknown or pending failures as inconclusive: state and candidate unchanged", () => {
    for (const status of ["unknown", "pending"] as const) {
      const all = { ownership: status, mx: status, spf: status, dkim: status };
      expect(next("mail_ready", all, "schedule")).toMatchObject({ state: "mail_ready", candidateState: null, changed: false });
      expect(next("mail_ready", all, "schedule", "degraded")).toMatchObject({ state: "mail_ready", candidateState: "degraded", changed: false });
      expect(next("mail_ready", all, "schedule", "degraded").failing).toEqual([]);
    }
    expect(next("unverified", { ownership: "unknown" }, "schedule")).toMatchObject({ state: "unverified", candidateState: null });
  });
});

describe("nextCheckAt", () => {
  const added = new Date("2026-11-01T00:00:00Z");
  it("is every 10 minutes for the first 48 hours, then hourly", () => {
    expect(nextCheckAt(added, new Date("2026-11-02T23:59:00Z"))).toEqual(new Date("2026-11-03T00:09:00Z"));
    expect(nextCheckAt(added, new Date("2026-11-03T00:00:00Z"))).toEqual(new Date("2026-11-03T01:00:00Z"));
  });

  it("takes other intervals from the settings (the e2e server's seconds)", () => {
    const fast = { newSeconds: 3, settledSeconds: 7 };
    expect(nextCheckAt(added, new Date("2026-11-01T00:00:00Z"), fast)).toEqual(new Date("2026-11-01T00:00:03Z"));
    expect(nextCheckAt(added, new Date("2026-11-04T00:00:00Z"), fast)).toEqual(new Date("2026-11-04T00:00:07Z"));
  });
});
