import { say, type Localized } from "@/server/shared/errors";
import { bitsOf, formatIp, isMappedV4, maskTo, parseIp, type IpAddress } from "./ip-address";

export type CidrParse = { ok: true; cidr: string; version: 4 | 6; prefix: number } | { ok: false; reason: Localized };

/**
 * Parses an address range as an admin types it: "203.0.113.0/24", "2001:db8::/32", or a bare
 * address (one host: /32 or /128). Surrounding spaces are ignored; host bits are cleared
 * ("10.1.2.3/8" → "10.0.0.0/8") so one range has one spelling and the unique index holds. An
 * IPv4-mapped IPv6 range ("::ffff:10.0.0.0/104") becomes the IPv4 range it covers.
 */
export function parseCidr(text: string): CidrParse {
  const range = parseRange(text);
  if (!range.ok) return range;
  return { ok: true, cidr: `${formatIp(range.network)}/${range.prefix}`, version: range.network.version, prefix: range.prefix };
}

type RangeParse = { ok: true; network: IpAddress; prefix: number } | { ok: false; reason: Localized };

function parseRange(text: string): RangeParse {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: say("Enter an IP address or range, e.g. 203.0.113.0/24", "请输入 IP 地址或网段，例如 203.0.113.0/24") };
  const slash = trimmed.split("/");
  if (slash.length > 2) return { ok: false, reason: say(`"${trimmed}" has more than one "/"`, `“${trimmed}”含有多个“/”`) };
  const [address = "", prefixText] = slash;
  const ip = parseIp(address);
  if (!ip.ok) return ip;
  const mapped = isMappedV4(address);
  const max = mapped ? 128 : bitsOf(ip.ip.version);
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) {
      return { ok: false, reason: say(`"/${prefixText}" is not a prefix length: expected a whole number from 0 to ${max}`, `“/${prefixText}”不是前缀长度：应为 0 到 ${max} 的整数`) };
    }
    prefix = Number(prefixText);
    if (prefix > max) return { ok: false, reason: say(`/${prefix} is too long: an IPv${mapped ? 6 : ip.ip.version} prefix is at most /${max}`, `/${prefix} 过长：IPv${mapped ? 6 : ip.ip.version} 前缀最长为 /${max}`) };
  }
  if (mapped) {
    if (prefix < 96) return { ok: false, reason: say(`An IPv4-mapped range needs a prefix of at least /96 (got /${prefix})`, `IPv4 映射网段的前缀至少为 /96（当前为 /${prefix}）`) };
    prefix -= 96;
  }
  return { ok: true, network: maskTo(ip.ip, prefix), prefix };
}

/**
 * True when `ip` lies in `cidr`. Either side unparsable, or of the other IP version, is
 * false; an IPv4-mapped IPv6 address is compared as the IPv4 address it carries.
 */
export function cidrContains(cidr: string, ip: string): boolean {
  const range = parseRange(cidr);
  const address = parseIp(ip);
  if (!range.ok || !address.ok || address.ip.version !== range.network.version) return false;
  return maskTo(address.ip, range.prefix).value === range.network.value;
}
