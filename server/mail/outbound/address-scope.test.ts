import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-scope";

// Each range by its first and last address, and the neighbours just outside it (public unless
// they fall into another refused range).

describe("isPublicAddress: IPv4", () => {
  it.each([
    ["unspecified / this network", "0.0.0.0", "0.255.255.255", [], ["1.0.0.0"]],
    ["private 10/8", "10.0.0.0", "10.255.255.255", ["9.255.255.255"], ["11.0.0.0"]],
    ["carrier-grade NAT 100.64/10", "100.64.0.0", "100.127.255.255", ["100.63.255.255"], ["100.128.0.0"]],
    ["loopback 127/8", "127.0.0.0", "127.255.255.255", ["126.255.255.255"], ["128.0.0.0"]],
    ["link-local 169.254/16", "169.254.0.0", "169.254.255.255", ["169.253.255.255"], ["169.255.0.0"]],
    ["private 172.16/12", "172.16.0.0", "172.31.255.255", ["172.15.255.255"], ["172.32.0.0"]],
    ["IETF protocol assignments 192.0.0/24", "192.0.0.0", "192.0.0.255", ["191.255.255.255"], []],
    ["documentation 192.0.2/24", "192.0.2.0", "192.0.2.255", ["192.0.1.255"], ["192.0.3.0"]],
    ["6to4 relay anycast 192.88.99/24", "192.88.99.0", "192.88.99.255", ["192.88.98.255"], ["192.88.100.0"]],
    ["private 192.168/16", "192.168.0.0", "192.168.255.255", ["192.167.255.255"], ["192.169.0.0"]],
    ["benchmarking 198.18/15", "198.18.0.0", "198.19.255.255", ["198.17.255.255"], ["198.20.0.0"]],
    ["documentation 198.51.100/24", "198.51.100.0", "198.51.100.255", ["198.51.99.255"], ["198.51.101.0"]],
    ["documentation 203.0.113/24", "203.0.113.0", "203.0.113.255", ["203.0.112.255"], ["203.0.114.0"]],
    ["multicast 224/4", "224.0.0.0", "239.255.255.255", ["223.255.255.255"], []],
    ["reserved 240/4 and broadcast", "240.0.0.0", "255.255.255.255", [], []],
  ] as const)("refuses %s (%s – %s) and not its neighbours", (_name, first, last, below, above) => {
    expect(isPublicAddress(first)).toBe(false);
    expect(isPublicAddress(last)).toBe(false);
    for (const ip of [...below, ...above]) expect(isPublicAddress(ip), ip).toBe(true);
  });

  it("accepts ordinary public addresses", () => {
    for (const ip of ["8.8.8.8", "1.1.1.1", "93.184.216.34", "114.114.114.114", "223.255.255.255"]) expect(isPublicAddress(ip), ip).toBe(true);
  });
});

describe("isPublicAddress: IPv6", () => {
  it("refuses the unspecified and loopback addresses in every spelling", () => {
    for (const ip of ["::", "::0", "0:0:0:0:0:0:0:0", "::1", "0:0:0:0:0:0:0:1", "0000::0001"]) expect(isPublicAddress(ip), ip).toBe(false);
  });

  it.each([
    ["unique-local fc00::/7", "fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe00::"],
    ["link-local fe80::/10", "fe80::", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fec0::"],
    ["multicast ff00::/8", "ff00::", "ff0e::1", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"],
    ["documentation 2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::"],
  ] as const)("refuses %s from %s to %s", (_name, first, last, below, above) => {
    expect(isPublicAddress(first)).toBe(false);
    expect(isPublicAddress(last)).toBe(false);
    // Outside these ranges, only 2000::/3 is public: the neighbours are public only when they are in it.
    const global = (ip: string) => /^[23]/.test(ip);
    expect(isPublicAddress(below)).toBe(global(below));
    expect(isPublicAddress(above)).toBe(global(above));
  });

  it("accepts global unicast 2000::/3 and nothing outside it", () => {
    expect(isPublicAddress("2000::")).toBe(true);
    expect(isPublicAddress("3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(true);
    expect(isPublicAddress("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(false);
    expect(isPublicAddress("4000::")).toBe(false);
    expect(isPublicAddress("2a00:1450:4001:80b::200e")).toBe(true);
    expect(isPublicAddress("240E:0:0:0:0:0:0:1")).toBe(true);
  });

  it("judges IPv4-mapped addresses by the IPv4 address they carry", () => {
    for (const ip of ["::ffff:127.0.0.1", "::ffff:7f00:1", "::FFFF:10.0.0.1", "::ffff:192.168.1.1", "::ffff:172.16.0.0", "::ffff:100.64.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0", "::ffff:224.0.0.1", "0:0:0:0:0:ffff:7f00:0001"])
      expect(isPublicAddress(ip), ip).toBe(false);
    for (const ip of ["::ffff:8.8.8.8", "::ffff:808:808", "::ffff:172.32.0.0"]) expect(isPublicAddress(ip), ip).toBe(true);
  });

  it("judges NAT64 and 6to4 addresses by the IPv4 address they carry", () => {
    expect(isPublicAddress("64:ff9b::127.0.0.1")).toBe(false);
    expect(isPublicAddress("64:ff9b::a00:1")).toBe(false);
    expect(isPublicAddress("64:ff9b::8.8.8.8")).toBe(true);
    expect(isPublicAddress("2002:7f00:1::")).toBe(false);
    expect(isPublicAddress("2002:c0a8:101::1")).toBe(false);
    expect(isPublicAddress("2002:808:808::1")).toBe(true);
  });

  it("refuses the deprecated IPv4-compatible form and ignores a zone id", () => {
    expect(isPublicAddress("::127.0.0.1")).toBe(false);
    expect(isPublicAddress("::8.8.8.8")).toBe(false);
    expect(isPublicAddress("fe80::1%eth0")).toBe(false);
  });
});

describe("isPublicAddress: not an address", () => {
  it("is false for names and garbage", () => {
    for (const s of ["", "localhost", "mx.example.com", "1.2.3", "256.0.0.1", "::g", "127.0.0.1:25"]) expect(isPublicAddress(s), s).toBe(false);
  });
});
