import { describe, expect, it } from "vitest";
import { checkMx } from "./check-mx";
import type { MxRecord } from "./check-types";
import { SETTINGS, answer, codes, failed } from "./test-support";

const mx = (preference: number, exchange: string): MxRecord => ({ preference, exchange });
const OURS = [mx(5, "mx-n.mailstead.net."), mx(50, "MX1-N.mailstead.net")];
const check = (records: MxRecord[]) => checkMx("example.com", [answer("r1", records)], SETTINGS);

describe("checkMx", () => {
  it("is ok with our hosts and priorities (final dot and case do not matter)", () => {
    expect(check(OURS)).toEqual({ status: "ok", problems: [] });
  });

  it("is missing without MX records", () => {
    expect([check([]).status, codes(check([]))]).toEqual(["missing", ["mxMissing"]]);
    expect(checkMx("example.com", [answer<MxRecord>("r1", [], "nxdomain")], SETTINGS).status).toBe("missing");
  });

  it("is wrong while another provider's hosts are still listed, naming them", () => {
    const result = check([...OURS, mx(10, "mxbiz1.qq.com"), mx(20, "mxbiz2.qq.com")]);
    expect([result.status, codes(result)]).toEqual(["wrong", ["mxForeignHosts"]]);
    expect(result.problems[0]!.params).toEqual({ hosts: "mxbiz1.qq.com, mxbiz2.qq.com", count: 2 });
  });

  it("is wrong when one of our hosts is missing", () => {
    const result = check([mx(5, "mx-n.mailstead.net")]);
    expect(codes(result)).toEqual(["mxHostsMissing"]);
    expect(result.problems[0]!.params).toEqual({ hosts: "mx1-n.mailstead.net", count: 1 });
  });

  it("is wrong when our hosts have other priorities", () => {
    const result = check([mx(10, "mx-n.mailstead.net"), mx(50, "mx1-n.mailstead.net")]);
    expect([result.status, codes(result)]).toEqual(["wrong", ["mxWrongPriority"]]);
    expect(result.problems[0]!.params).toEqual({ host: "mx-n.mailstead.net", got: "10", expected: 5 });
  });

  it("explains a null MX", () => {
    expect(codes(check([mx(0, ".")]))).toEqual(["mxNullMx"]);
  });

  it("is pending while resolvers disagree, unknown when they fail", () => {
    expect(checkMx("example.com", [answer("a", OURS), answer("b", [mx(10, "mx.old.example")])], SETTINGS).status).toBe("pending");
    expect(checkMx("example.com", [failed<MxRecord>("a"), failed<MxRecord>("b")], SETTINGS).status).toBe("unknown");
  });
});
