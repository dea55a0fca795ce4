import { describe, expect, it } from "vitest";
import { domainOf, isNullMx, orderExchanges } from "./mail-route";

describe("mail route rules", () => {
  it("orders exchanges by preference", () => {
    const hosts = orderExchanges([
      { priority: 50, exchange: "mx1-n.example.net" },
      { priority: 5, exchange: "MX-N.example.net." },
    ]);
    expect(hosts).toEqual([
      { host: "mx-n.example.net", preference: 5 },
      { host: "mx1-n.example.net", preference: 50 },
    ]);
  });

  it("shuffles exchanges of equal preference, keeping the preference order", () => {
    const records = [
      { priority: 10, exchange: "a.example" },
      { priority: 10, exchange: "b.example" },
      { priority: 20, exchange: "c.example" },
    ];
    expect(orderExchanges(records, () => 0).map((h) => h.host)).toEqual(["b.example", "a.example", "c.example"]);
    expect(orderExchanges(records, () => 0.99).map((h) => h.host)).toEqual(["a.example", "b.example", "c.example"]);
    const firsts = new Set(Array.from({ length: 50 }, () => orderExchanges(records)[0]!.host));
    expect(firsts).toEqual(new Set(["a.example", "b.example"]));
  });

  it("lists a host named twice once", () => {
    expect(orderExchanges([{ priority: 10, exchange: "a.example" }, { priority: 20, exchange: "a.example" }])).toEqual([{ host: "a.example", preference: 10 }]);
  });

  it("recognises a null MX", () => {
    expect(isNullMx([{ priority: 0, exchange: "" }])).toBe(true);
    expect(isNullMx([{ priority: 0, exchange: "." }])).toBe(true);
    expect(isNullMx([{ priority: 10, exchange: "mx.example" }])).toBe(false);
  });

  it("takes the domain of an address", () => {
    expect(domainOf("Zhang@Example.COM")).toBe("example.com");
    expect(domainOf("a@b@c.example.")).toBe("c.example");
    expect(domainOf("nobody")).toBeNull();
    expect(domainOf("nobody@")).toBeNull();
  });
});
