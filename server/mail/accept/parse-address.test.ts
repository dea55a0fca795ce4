import { describe, expect, it } from "vitest";
import { parseAddress } from "./parse-address";

describe("parseAddress", () => {
  it("lower-cases and splits", () => {
    expect(parseAddress("Zhang.San@Example.COM")).toEqual({ ok: true, value: { address: "zhang.san@example.com", local: "zhang.san", domain: "example.com" } });
  });

  it("turns an internationalised domain into its ASCII form", () => {
    expect(parseAddress("li@例子.中国")).toEqual({ ok: true, value: { address: "li@xn--fsqu00a.xn--fiqs8s", local: "li", domain: "xn--fsqu00a.xn--fiqs8s" } });
  });

  it.each(["", "nobody", "a@b@example.com", "@example.com", "a@", "a@localhost", "a b@example.com", "a..b@example.com", "a@[127.0.0.1]"])("refuses %j", (raw) => {
    expect(parseAddress(raw).ok).toBe(false);
  });
});
