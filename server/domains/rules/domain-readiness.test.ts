import { describe, expect, it } from "vitest";
import { impliedState } from "./domain-readiness";

describe("impliedState", () => {
  it("stays unverified until ownership is ok, whatever else is right", () => {
    expect(impliedState({ ownership: "missing", mx: "ok", spf: "ok", dkim: "ok" })).toEqual({ state: "unverified", blocking: ["ownership"] });
    expect(impliedState({ ownership: "pending", mx: "ok", spf: "ok", dkim: "ok" }).state).toBe("unverified");
  });

  it("is owned while MX, SPF or DKIM is not ok, naming which", () => {
    expect(impliedState({ ownership: "ok", mx: "ok", spf: "wrong", dkim: "pending" })).toEqual({ state: "owned", blocking: ["spf", "dkim"] });
    expect(impliedState({ ownership: "ok", mx: "unknown", spf: "ok", dkim: "ok" })).toEqual({ state: "owned", blocking: ["mx"] });
  });

  it("is mail-ready with MX, SPF and DKIM ok (DMARC and CNAMEs are not inputs: advisory)", () => {
    expect(impliedState({ ownership: "ok", mx: "ok", spf: "ok", dkim: "ok" })).toEqual({ state: "mail_ready", blocking: [] });
  });
});
