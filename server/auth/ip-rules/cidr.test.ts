import { describe, expect, it } from "vitest";
import { cidrContains, parseCidr } from "./cidr";

describe("parseCidr: valid ranges are normalised", () => {
  it.each([
    ["203.0.113.0/24", "203.0.113.0/24", 4, 24],
    ["10.1.2.3/8", "10.0.0.0/8", 4, 8],
    ["192.0.2.7", "192.0.2.7/32", 4, 32],
    [" 10.0.0.0/8 ", "10.0.0.0/8", 4, 8],
    ["0.0.0.0/0", "0.0.0.0/0", 4, 0],
    ["2001:db8::/32", "2001:db8::/32", 6, 32],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1/128", 6, 128],
    ["2001:0db8:0000:0000:0001:0000:0000:0001/64", "2001:db8::/64", 6, 64],
    ["2001:db8:1:2:3:4:5:6/48", "2001:db8:1::/48", 6, 48],
    ["::", "::/128", 6, 128],
    ["::/0", "::/0", 6, 0],
    ["::1", "::1/128", 6, 128],
    ["fe80::1:0:0:1", "fe80::1:0:0:1/128", 6, 128],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1/128", 6, 128],
    ["1:0:0:2:0:0:0:3", "1:0:0:2::3/128", 6, 128],
    ["::ffff:192.0.2.1", "192.0.2.1/32", 4, 32],
    ["::ffff:10.0.0.0/104", "10.0.0.0/8", 4, 8],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221/128", 6, 128],
  ])("%s → %s", (input, cidr, version, prefix) => {
    expect(parseCidr(input)).toEqual({ ok: true, cidr, version, prefix });
  });
});

describe("parseCidr: malformed input names what is wrong, in both languages", () => {
  it.each([
    ["", /Enter an IP address or range/],
    ["   ", /Enter an IP address or range/],
    ["10.0.0.0/33", /\/33 is too long: an IPv4 prefix is at most \/32/],
    ["2001:db8::/129", /\/129 is too long: an IPv6 prefix is at most \/128/],
    ["10.0.0.0/-1", /"\/-1" is not a prefix length/],
    ["10.0.0.0/", /"\/" is not a prefix length/],
    ["10.0.0.0/8a", /"\/8a" is not a prefix length/],
    ["10.0.0.0/8/8", /more than one "\/"/],
    ["300.1.1.1", /300 is larger than 255/],
    ["1.2.3", /expected four numbers separated by dots/],
    ["1.2.3.4.5", /expected four numbers separated by dots/],
    ["1.2.3.x", /"x" is not a number from 0 to 255/],
    ["01.2.3.4", /without leading zeros/],
    ["::g", /"g" is not a group of 1–4 hexadecimal digits/],
    ["1::2::3", /"::" may appear only once/],
    ["1:2:3:4:5:6:7", /expected eight groups/],
    ["1:2:3:4:5:6:7:8:9", /expected eight groups/],
    ["1:2:3:4::5:6:7:8", /too many groups/],
    ["12345::", /"12345" is not a group/],
    ["fe80::1%eth0", /zone ids/],
    ["::ffff:1.2.3.999", /embedded IPv4/],
    ["::ffff:10.0.0.0/64", /at least \/96/],
    ["example.com", /not an IPv4 address/],
  ])("%j is refused", (input, en) => {
    const r = parseCidr(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.en).toMatch(en);
    expect(r.reason["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(r.reason["zh-CN"]).not.toBe(r.reason.en);
  });
});

describe("cidrContains", () => {
  it.each([
    ["10.0.0.0/8", "10.255.1.2", true],
    ["10.0.0.0/8", "11.0.0.1", false],
    ["192.0.2.7/32", "192.0.2.7", true],
    ["192.0.2.7/32", "192.0.2.8", false],
    ["0.0.0.0/0", "198.51.100.1", true],
    ["0.0.0.0/0", "2001:db8::1", false],
    ["::/0", "192.0.2.1", false],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["2001:db8::/32", "2001:0DB8:0:0::7", true],
    ["10.0.0.0/8", "::ffff:10.1.2.3", true],
    ["10.0.0.0/8", "::FFFF:11.1.2.3", false],
    ["::ffff:10.0.0.0/104", "10.9.9.9", true],
    ["10.0.0.0/8", "not an ip", false],
    ["bad", "10.0.0.1", false],
    ["10.0.0.0/8", "", false],
  ])("%s contains %s: %s", (cidr, ip, expected) => {
    expect(cidrContains(cidr, ip)).toBe(expected);
  });
});
