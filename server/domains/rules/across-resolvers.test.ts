import { describe, expect, it } from "vitest";
import { acrossResolvers, verdictOf } from "./across-resolvers";
import { answer, codes, failed } from "./test-support";

// A toy judge: ok when the resolver sees "good", wrong when it sees anything else.
const judge = ({ records }: { records: string[] }) =>
  records.length === 0
    ? { status: "missing" as const, problems: [{ code: "mxMissing", params: { domain: "example.com" } }] }
    : records[0] === "good"
      ? verdictOf([])
      : verdictOf([{ code: "cnameWrongTarget", params: { name: "webmail.example.com", got: records[0]!, expected: "good" } }]);

describe("acrossResolvers", () => {
  it("is ok only when every resolver answered ok", () => {
    expect(acrossResolvers([answer("a", ["good"]), answer("b", ["good"])], judge)).toEqual({ status: "ok", problems: [] });
  });

  it("is pending when some resolvers see it and others not yet", () => {
    const check = acrossResolvers([answer("1.1.1.1", ["good"]), answer("8.8.8.8", [])], judge);
    expect(check.status).toBe("pending");
    expect(codes(check)).toEqual(["seenOnSomeResolvers"]);
    expect(check.problems[0]!.params).toEqual({ seen: "1.1.1.1", notSeen: "8.8.8.8" });
  });

  it("is unknown, never wrong, when every resolver failed", () => {
    const check = acrossResolvers([failed<string>("a"), failed<string>("b", "SERVFAIL")], judge);
    expect(check.status).toBe("unknown");
    expect(codes(check)).toEqual(["resolverFailed"]);
    expect(check.problems[0]!.params).toMatchObject({ resolvers: "a, b" });
  });

  it("does not call the judge on a failed answer (a failure can never be judged wrong)", () => {
    let calls = 0;
    acrossResolvers([failed<string>("a")], () => (calls++, verdictOf([{ code: "x" }])));
    expect(calls).toBe(0);
  });

  it("is pending, not ok, when one resolver sees it and another failed", () => {
    const check = acrossResolvers([answer("a", ["good"]), failed<string>("b")], judge);
    expect(check.status).toBe("pending");
    expect(codes(check)).toEqual(["seenOnSomeResolvers", "resolverFailed"]);
  });

  it("reports what answering resolvers prove, plus the failure, when none sees it right", () => {
    const check = acrossResolvers([answer("a", ["bad"]), failed<string>("b")], judge);
    expect(check.status).toBe("wrong");
    expect(codes(check)).toEqual(["cnameWrongTarget", "resolverFailed"]);
  });

  it("prefers wrong over missing when resolvers disagree on what is there, and merges duplicates", () => {
    const check = acrossResolvers([answer("a", ["bad"]), answer("b", []), answer("c", ["bad"])], judge);
    expect(check.status).toBe("wrong");
    expect(codes(check)).toEqual(["cnameWrongTarget", "mxMissing"]);
  });

  it("is unknown with no resolver at all", () => {
    expect(codes(acrossResolvers([], judge))).toEqual(["noResolver"]);
  });
});
