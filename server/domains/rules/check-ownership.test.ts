import { describe, expect, it } from "vitest";
import { checkOwnership } from "./check-ownership";
import type { TxtRecord } from "./check-types";
import { SETTINGS, answer, codes, failed } from "./test-support";

const check = (...records: string[][]) => checkOwnership("example.com", "tok123", [answer<TxtRecord>("r1", records)], SETTINGS);

describe("checkOwnership", () => {
  it("is ok when a record carries our token, whatever else is there", () => {
    expect(check(["mailstead-verification=tok123"])).toEqual({ status: "ok", problems: [] });
    expect(check(["something-else"], ["mailstead-verification=", "tok123"]).status).toBe("ok");
  });

  it("is missing when there is no TXT record, naming the record to add", () => {
    const result = check();
    expect([result.status, codes(result)]).toEqual(["missing", ["ownershipMissing"]]);
    expect(result.problems[0]!.params).toEqual({ name: "_mailstead-verify.example.com", value: "mailstead-verification=tok123" });
  });

  it("is wrong with another token, with quotes pasted in, or without any token", () => {
    expect(codes(check(["mailstead-verification=old"]))).toEqual(["ownershipWrongToken"]);
    expect(codes(check(['"mailstead-verification=tok123"']))).toEqual(["ownershipQuoted"]);
    expect(codes(check(["v=spf1 -all"]))).toEqual(["ownershipNoToken"]);
    expect(check(["mailstead-verification=old"]).status).toBe("wrong");
  });

  it("is unknown when the resolver failed", () => {
    expect(checkOwnership("example.com", "tok123", [failed<TxtRecord>("r1")], SETTINGS).status).toBe("unknown");
  });
});
