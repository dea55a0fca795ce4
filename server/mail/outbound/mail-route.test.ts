import { describe, expect, it } from "vitest";
import { dialableHosts, domainOf, isNullMx, orderExchanges, privateOnly } from "./mail-route";

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

describe("private targets", () => {
  const hosts = [
    { host: "mx1.example", preference: 10, addresses: ["127.0.0.1", "::1"] },
    { host: "mx2.example", preference: 20, addresses: ["10.0.0.5", "93.184.216.34", "::ffff:192.168.0.1", "2a00:1450::1"] },
    { host: "mx3.example", preference: 30, addresses: [] },
  ];

  it("refuse: drops the addresses that are not public, and the exchanges left with none", () => {
    expect(dialableHosts(hosts, "refuse")).toEqual({
      hosts: [{ host: "mx2.example", preference: 20, addresses: ["93.184.216.34", "2a00:1450::1"] }],
      refused: ["127.0.0.1", "::1", "10.0.0.5", "::ffff:192.168.0.1"],
    });
  });

  it("refuse: nothing left when every address is private", () => {
    expect(dialableHosts([hosts[0]!], "refuse")).toEqual({ hosts: [], refused: ["127.0.0.1", "::1"] });
  });

  it("allow: keeps every address, and still skips an exchange without any", () => {
    expect(dialableHosts(hosts, "allow")).toEqual({ hosts: [hosts[0], hosts[1]], refused: [] });
  });

  it("bounces 5.4.4 naming the domain and the refused addresses", () => {
    const failure = privateOnly("victim.example", ["127.0.0.1", "10.0.0.5", "127.0.0.1"]);
    expect(failure).toEqual({ kind: "bounce", status: "5.4.4", reason: expect.stringContaining("victim.example") });
    expect(failure.reason).toMatch(/private, loopback/);
    expect(failure.reason).toContain("(127.0.0.1, 10.0.0.5)");
  });
});
