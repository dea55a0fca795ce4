import { domainToASCII } from "node:url";
import { splitMessage } from "./dkim-canonical";

// Which domains may sign a message, in order of preference (docs/dsn-dkim.md): the header
// From's domain first, because DMARC checks d= against it (alignment); then the envelope
// sender's, which at least gives receivers a valid signature for the return path.

/** The lower-case ASCII (punycode) form of a domain, or null when it is not a usable host name. */
export function normalizeDomain(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.$/, "");
  if (!trimmed || trimmed.startsWith("[")) return null; // an address literal has no DNS to publish a key in
  const ascii = domainToASCII(trimmed.toLowerCase());
  return ascii && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(ascii) ? ascii : null;
}

/** The domain of an address (`local@domain`), or null. */
export function domainOfAddress(address: string): string | null {
  const at = address.lastIndexOf("@");
  return at > 0 ? normalizeDomain(address.slice(at + 1)) : null;
}

/** Drops quoted strings and comments, which may hold `@` and `<` that are not the address. */
function stripQuotedAndComments(value: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === "\\" && (quoted || depth > 0)) {
      i++;
      continue;
    }
    if (quoted) {
      if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"' && depth === 0) quoted = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/**
 * The domain of the message's header From, or null when there is none, or several From fields,
 * or a From with several addresses: DMARC cannot pick an author domain there either, and a
 * signature aligned to one of them would vouch for the others.
 */
export function headerFromDomain(bytes: Buffer): string | null {
  const froms = splitMessage(bytes).fields.filter((f) => f.name.toLowerCase() === "from");
  if (froms.length !== 1) return null;
  // The field came as latin1 (one character a byte); an internationalized address is UTF-8.
  const raw = Buffer.from(froms[0]!.raw, "latin1").toString("utf8");
  const value = stripQuotedAndComments(raw.slice(raw.indexOf(":") + 1).replace(/\r\n/g, ""));
  // Outside angle brackets (quotes and comments gone), a comma separates addresses and a colon
  // starts a group ("Team: a@x, b@y;"): either means more than one author, or none.
  const outside = value.replace(/<[^<>]*>/g, "<>");
  if (/[,:;]/.test(outside)) return null;
  const angle = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!.trim());
  if (angle.length > 1) return null;
  const address = angle[0] ?? value.trim();
  return /\s/.test(address) ? null : domainOfAddress(address);
}

/** The domains to try, best first, without repeats. */
export function candidateDomains(bytes: Buffer, mailFrom: string): string[] {
  const out: string[] = [];
  for (const d of [headerFromDomain(bytes), mailFrom ? domainOfAddress(mailFrom) : null]) if (d && !out.includes(d)) out.push(d);
  return out;
}

/**
 * For the platform's own mail (tenantId null: DSNs from MAILER-DAEMON@<mail host>): only the
 * platform's names may sign, never a tenant's domain. A candidate that is the mail host, the
 * platform domain or a name under it is tried as itself and then as the platform domain, whose
 * key aligns under DMARC's relaxed rule (same organisational domain).
 */
export function platformCandidates(candidates: readonly string[], hostname: string, platformDomain: string): string[] {
  const host = normalizeDomain(hostname);
  const pd = normalizeDomain(platformDomain);
  const out: string[] = [];
  const add = (d: string) => !out.includes(d) && out.push(d);
  for (const c of candidates) {
    const underPlatform = pd !== null && (c === pd || c.endsWith(`.${pd}`));
    if (c !== host && !underPlatform) continue;
    add(c);
    if (underPlatform) add(pd);
  }
  return out;
}
