import { isIPv4, isIPv6 } from "node:net";

// Whether the relay may dial an address DNS gave it. Anyone who controls a domain's DNS chooses
// the addresses we connect to, so without this check an MX pointing at 127.0.0.1 or 10.0.0.5
// would make the relay talk to our own or our network's internal services (SSRF), or loop mail
// back to ourselves. "Public" here is globally routable unicast; every special-purpose range of
// the IANA registries (RFC 6890) that is not is refused. Pure: no DNS, no configuration.

type Range = { base: number[]; bits: number };

const v4 = (cidr: string): Range => {
  const [ip, bits] = cidr.split("/");
  return { base: ip!.split(".").map(Number), bits: Number(bits) };
};

const NOT_PUBLIC_V4: Range[] = [
  "0.0.0.0/8", // "this network", including the unspecified 0.0.0.0
  "10.0.0.0/8", // private (RFC 1918)
  "100.64.0.0/10", // carrier-grade NAT (RFC 6598)
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local (cloud metadata services live here)
  "172.16.0.0/12", // private (RFC 1918)
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation (TEST-NET-1)
  "192.88.99.0/24", // 6to4 relay anycast (deprecated)
  "192.168.0.0/16", // private (RFC 1918)
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation (TEST-NET-2)
  "203.0.113.0/24", // documentation (TEST-NET-3)
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, including the broadcast 255.255.255.255
].map(v4);

function inRange(bytes: number[], { base, bits }: Range): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[i / 8]! & mask) !== (base[i / 8]! & mask)) return false;
  }
  return true;
}

/** The 16 bytes of an IPv6 literal already checked by isIPv6 (zone id ignored, a trailing dotted quad allowed). */
function v6Bytes(ip: string): number[] {
  let s = ip.toLowerCase().replace(/%.*$/, "");
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    s = s.slice(0, quad.index) + ((a << 8) | b).toString(16) + ":" + ((c << 8) | d).toString(16);
  }
  const [head, tail] = s.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

const v6 = (prefix: number[], bits: number): Range => ({ base: [...prefix, ...Array<number>(16 - prefix.length).fill(0)], bits });
// IPv6 forms that carry an IPv4 address in their last 32 bits and reach it: IPv4-mapped
// (::ffff:0:0/96, what a dual-stack socket makes of 127.0.0.1) and NAT64 (64:ff9b::/96, RFC 6052).
const EMBEDS_V4 = [v6([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96), v6([0, 0x64, 0xff, 0x9b], 96)];
// Globally routable unicast is 2000::/3; everything else (::, ::1, the deprecated IPv4-compatible
// ::/96, fc00::/7 unique-local, fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast,
// the unassigned rest) is not public.
const GLOBAL_UNICAST = v6([0x20], 3);
const NOT_PUBLIC_IN_GLOBAL = [v6([0x20, 0x01, 0x0d, 0xb8], 32)]; // documentation
// 6to4 (2002::/16) reaches the IPv4 address in its bytes 2–5.
const SIX_TO_FOUR = v6([0x20, 0x02], 16);

function isPublicV4(bytes: number[]): boolean {
  return !NOT_PUBLIC_V4.some((r) => inRange(bytes, r));
}

/** True when `ip` is an IP literal the relay may connect to: public, routable unicast. Anything else (including a name) is false. */
export function isPublicAddress(ip: string): boolean {
  if (isIPv4(ip)) return isPublicV4(ip.split(".").map(Number));
  if (!isIPv6(ip)) return false;
  const bytes = v6Bytes(ip);
  if (EMBEDS_V4.some((r) => inRange(bytes, r))) return isPublicV4(bytes.slice(12));
  if (inRange(bytes, SIX_TO_FOUR)) return isPublicV4(bytes.slice(2, 6));
  return inRange(bytes, GLOBAL_UNICAST) && !NOT_PUBLIC_IN_GLOBAL.some((r) => inRange(bytes, r));
}
