import { describe, expect, it } from "vitest";
import { readableReason } from "./login-reason";

describe("readableReason", () => {
  it("maps the gate's fixed reasons to keys", () => {
    expect(readableReason("wrong password")).toEqual({ key: "wrongPassword", values: {} });
    expect(readableReason("unknown account")).toEqual({ key: "unknownAccount", values: {} });
    expect(readableReason("second factor code replayed")).toEqual({ key: "secondFactorReplayed", values: {} });
  });

  it("reads locks, IP rules, new networks and unusable accounts with their values", () => {
    expect(readableReason("account locked until 2026-11-28T01:02:03.000Z")).toEqual({ key: "accountLocked", values: { until: "2026-11-28T01:02:03.000Z" } });
    expect(readableReason("address locked until 2026-11-28T01:02:03.000Z").key).toBe("addressLocked");
    expect(readableReason("deny rule 10.0.0.0/8 (mail)")).toEqual({ key: "denyRule", values: { cidr: "10.0.0.0/8", channel: "mail" } });
    expect(readableReason("default deny (web)")).toEqual({ key: "defaultDeny", values: { channel: "web" } });
    expect(readableReason("default deny (web), address unknown")).toEqual({ key: "defaultDenyNoIp", values: { channel: "web" } });
    expect(readableReason("new network 203.0.113.0/24")).toEqual({ key: "newNetwork", values: { network: "203.0.113.0/24" } });
    expect(readableReason("tenant frozen")).toEqual({ key: "unusable", values: { subject: "tenant", state: "frozen" } });
    expect(readableReason("account disabled")).toEqual({ key: "unusable", values: { subject: "account", state: "disabled" } });
  });

  it("keeps text of an unknown shape as it is", () => {
    expect(readableReason("something new")).toEqual({ key: null, text: "something new" });
    expect(readableReason("account locked until never")).toEqual({ key: null, text: "account locked until never" });
    expect(readableReason("tenant exploded")).toEqual({ key: null, text: "tenant exploded" });
  });
});
