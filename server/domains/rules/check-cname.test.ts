import { describe, expect, it } from "vitest";
import { checkCname } from "./check-cname";
import type { AddressOrAlias } from "./check-types";
import { answer, codes, failed } from "./test-support";

const check = (...records: AddressOrAlias[]) => checkCname("webmail.example.com", "webmail.mailstead.net", [answer("r1", records)]);

describe("checkCname", () => {
  it("is ok when the CNAME points at our host, ignoring the addresses it leads to", () => {
    expect(check({ type: "CNAME", target: "Webmail.Mailstead.net." }, { type: "A", address: "192.0.2.1" })).toEqual({ status: "ok", problems: [] });
  });

  it("is missing without a record", () => {
    expect([check().status, codes(check())]).toEqual(["missing", ["cnameMissing"]]);
  });

  it("is wrong with another target", () => {
    const result = check({ type: "CNAME", target: "webmail.old-provider.example" });
    expect([result.status, codes(result)]).toEqual(["wrong", ["cnameWrongTarget"]]);
    expect(result.problems[0]!.params).toEqual({ name: "webmail.example.com", got: "webmail.old-provider.example", expected: "webmail.mailstead.net" });
  });

  it("is wrong with an address record where a CNAME is expected", () => {
    const result = check({ type: "A", address: "192.0.2.1" }, { type: "AAAA", address: "2001:db8::1" });
    expect([result.status, codes(result)]).toEqual(["wrong", ["cnameIsAddress"]]);
    expect(result.problems[0]!.params).toMatchObject({ addresses: "192.0.2.1, 2001:db8::1" });
  });

  it("is unknown when the resolver failed", () => {
    expect(checkCname("webmail.example.com", "webmail.mailstead.net", [failed<AddressOrAlias>("r1")]).status).toBe("unknown");
  });
});
