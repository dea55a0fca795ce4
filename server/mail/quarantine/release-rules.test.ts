import { describe, expect, it } from "vitest";
import { assertReleasable, type ReleaseFacts } from "./release-rules";

const MIB = 1024 * 1024;
const ok: ReleaseFacts = { tenantStatus: "active", mailboxStatus: "active", quotaMb: 100, usedBytes: BigInt(10 * MIB), messageBytes: 5 * MIB };

describe("assertReleasable", () => {
  it("lets a message into an active mailbox with room, up to exactly the quota", () => {
    expect(() => assertReleasable(ok)).not.toThrow();
    expect(() => assertReleasable({ ...ok, usedBytes: BigInt(95 * MIB) })).not.toThrow();
  });

  it("refuses a full mailbox with the figures", () => {
    let err: unknown;
    try {
      assertReleasable({ ...ok, usedBytes: BigInt(96 * MIB) });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: "PRECONDITION_FAILED", message: "The mailbox is full: 96.0 of 100 MB used, and the message needs 5.0 MB" });
  });

  it("refuses a disabled mailbox and a suspended or frozen tenant, tenant first", () => {
    expect(() => assertReleasable({ ...ok, mailboxStatus: "disabled" })).toThrow(/disabled/);
    expect(() => assertReleasable({ ...ok, tenantStatus: "frozen", mailboxStatus: "disabled" })).toThrow(/frozen/);
    expect(() => assertReleasable({ ...ok, tenantStatus: "suspended" })).toThrow(/suspended/);
  });
});
