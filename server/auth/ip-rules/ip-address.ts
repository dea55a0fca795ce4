import { say, type Localized } from "@/server/shared/errors";

/** An address as a number: 32 bits for IPv4, 128 for IPv6. */
export type IpAddress = { version: 4 | 6; value: bigint };
export type IpParse = { ok: true; ip: IpAddress } | { ok: false; reason: Localized };

const BITS = { 4: 32, 6: 128 } as const;

export const bitsOf = (version: 4 | 6): number => BITS[version];

const bad = (reason: Localized): IpParse => ({ ok: false, reason });

function parseV4(text: string): IpParse {
  const parts = text.split(".");
  if (parts.length !== 4) return bad(say(`"${text}" is not an IPv4 address: expected four numbers separated by dots`, `“${text}”不是 IPv4 地址：应为以点分隔的四个数字`));
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return bad(say(`"${text}" is not an IPv4 address: "${part}" is not a number from 0 to 255`, `“${text}”不是 IPv4 地址：“${part}”不是 0–255 的数字`));
    // "010" means 8 to some tools and 10 to others: refuse rather than guess.
    if (part.length > 1 && part.startsWith("0")) return bad(say(`"${text}": write "${part}" without leading zeros`, `“${text}”：“${part}”不能有前导零`));
    const n = Number(part);
    if (n > 255) return bad(say(`"${text}" is not an IPv4 address: ${n} is larger than 255`, `“${text}”不是 IPv4 地址：${n} 大于 255`));
    value = (value << 8n) | BigInt(n);
  }
  return { ok: true, ip: { version: 4, value } };
}

function parseV6(text: string): IpParse {
  const notV6 = (why: Localized): IpParse => bad(say(`"${text}" is not an IPv6 address: ${why.en}`, `“${text}”不是 IPv6 地址：${why["zh-CN"]}`));
  if (text.includes("%")) return notV6(say("zone ids (%…) are not allowed", "不允许使用区域标识（%…）"));
  const halves = text.split("::");
  if (halves.length > 2) return notV6(say('"::" may appear only once', "“::”只能出现一次"));
  const groupsOf = (s: string | undefined) => (!s ? [] : s.split(":"));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const all = [...head, ...tail];
  // A dotted IPv4 may end the address ("::ffff:192.0.2.1"): it stands for two groups.
  let v4: bigint | null = null;
  const last = all[all.length - 1];
  if (last?.includes(".")) {
    const parsed = parseV4(last);
    if (!parsed.ok) return notV6(say(`the embedded IPv4 "${last}" is invalid`, `嵌入的 IPv4“${last}”无效`));
    v4 = parsed.ip.value;
    (tail.length ? tail : head).pop();
  }
  const count = head.length + tail.length + (v4 === null ? 0 : 2);
  if (halves.length === 1 && count !== 8) return notV6(say("expected eight groups, or \"::\" for the zeros", "应为八组，或用“::”表示连续的零"));
  if (halves.length === 2 && count > 7) return notV6(say('too many groups around "::"', "“::”两侧的组太多"));
  for (const g of [...head, ...tail]) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return notV6(say(`"${g}" is not a group of 1–4 hexadecimal digits`, `“${g}”不是 1–4 位十六进制数`));
  }
  const groups = [...head.map((g) => BigInt(`0x${g}`)), ...Array<bigint>(8 - count).fill(0n), ...tail.map((g) => BigInt(`0x${g}`))];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | g;
  if (v4 !== null) value = (value << 32n) | v4;
  return { ok: true, ip: { version: 6, value } };
}

const MAPPED_PREFIX = 0xffffn << 32n;

/**
 * Parses an IPv4 or IPv6 address (no prefix). An IPv4-mapped IPv6 address ("::ffff:1.2.3.4",
 * what a dual-stack socket reports for an IPv4 client) is the IPv4 address it carries, so
 * rules written for IPv4 apply to it.
 */
export function parseIp(raw: string): IpParse {
  const text = raw.trim();
  if (text === "") return bad(say("Enter an IP address", "请输入 IP 地址"));
  const parsed = text.includes(":") ? parseV6(text) : parseV4(text);
  if (parsed.ok && parsed.ip.version === 6 && parsed.ip.value >> 32n === MAPPED_PREFIX >> 32n) {
    return { ok: true, ip: { version: 4, value: parsed.ip.value & 0xffffffffn } };
  }
  return parsed;
}

/** True when `raw` is a 6-version address in the ::ffff:0:0/96 block (so its prefix counts from bit 96). */
export function isMappedV4(raw: string): boolean {
  const text = raw.trim();
  if (!text.includes(":")) return false;
  const parsed = parseV6(text);
  return parsed.ok && parsed.ip.value >> 32n === MAPPED_PREFIX >> 32n;
}

/** The address with the bits after `prefix` cleared. */
export function maskTo(ip: IpAddress, prefix: number): IpAddress {
  const bits = BigInt(bitsOf(ip.version));
  const p = BigInt(prefix);
  const mask = p === 0n ? 0n : ((1n << p) - 1n) << (bits - p);
  return { version: ip.version, value: ip.value & mask };
}

/** Canonical text: dotted IPv4; IPv6 per RFC 5952 (lower case, longest zero run as "::"). */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1; // a single zero group is not compressed (RFC 5952 §4.2.2)
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [bestStart, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}
