import { describe, expect, it } from "vitest";
import { allowedLifecycleActions } from "./lifecycle-actions";

const purgedAt = new Date("2026-11-18T04:05:00Z");

describe("allowedLifecycleActions", () => {
  it("offers each status the steps the server allows", () => {
    expect(allowedLifecycleActions({ status: "active", suspendedReason: null, purgedAt: null })).toEqual(["suspend"]);
    expect(allowedLifecycleActions({ status: "suspended", suspendedReason: "non_payment", purgedAt: null })).toEqual(["suspend", "terminate"]);
    expect(allowedLifecycleActions({ status: "suspended", suspendedReason: "operator", purgedAt: null })).toEqual(["unsuspend", "terminate"]);
  });

  it("offers restore only while a frozen tenant is not yet purged", () => {
    expect(allowedLifecycleActions({ status: "frozen", suspendedReason: "operator", purgedAt: null })).toEqual(["restore"]);
    expect(allowedLifecycleActions({ status: "frozen", suspendedReason: "operator", purgedAt })).toEqual([]);
    expect(allowedLifecycleActions({ status: "frozen", suspendedReason: "non_payment", purgedAt })).toEqual([]);
  });
});
