import { isIPv4, isIPv6 } from "node:net";

// An RFC 7208 SPF record parser of our own (§4.6, §12 ABNF). It reports every syntax error with
// the offending term and its character position, so the wizard can point at it, instead of
// stopping at the first one the way a receiver does.

export type Qualifier = "+" | "-" | "~" | "?";
export type MechanismName = "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";
export type Mechanism = {
  kind: "mechanism";
  qualifier: Qualifier;
  name: MechanismName;
  /** include/exists/a/mx/ptr target as written (may contain macros). */
  domain?: string;
  ip?: string;
  text: string;
  position: number;
};
export type Modifier = { kind: "modifier"; name: string; value: string; text: string; position: number };
export type SpfTerm = Mechanism | Modifier;
export type SpfSyntaxError = { code: string; term: string; position: number };
export type ParsedSpf = { terms: SpfTerm[]; errors: SpfSyntaxError[] };

const MECHANISMS = new Set<string>(["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"]);
/** The mechanisms and modifier that cost a DNS lookup (§4.6.4). */
export const DNS_TERMS = new Set<string>(["include", "a", "mx", "ptr", "exists", "redirect"]);

export const isSpfRecord = (text: string) => /^v=spf1( |$)/i.test(text);
export const spfTxtValue = (include: string) => `v=spf1 include:${include} -all`;

const MACRO = /%\{[slodiphcrtv]\d*r?[.\-+,/_=]*\}|%%|%_|%-/gi;
const TOPLABEL = /^([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/** Checks a macro-string; returns an error code or null. `domain`: it must also end like a domain name. */
function macroStringError(value: string, domain: boolean): string | null {
  if (/[^\x21-\x7e]/.test(value)) return "spfBadDomain";
  const plain = value.replace(MACRO, "");
  if (plain.includes("%")) return "spfBadMacro";
  if (!domain) return null;
  if (value === "") return "spfMissingDomain";
  if (/%\{[^}]*\}$/.test(value)) return null; // domain-end may be a macro expansion
  const labels = value.replace(/\.$/, "").split(".");
  if (labels.length < 2 || labels.some((l) => l === "" || l.length > 63) || !TOPLABEL.test(labels.at(-1)!)) return "spfBadDomain";
  return null;
}

const CIDR4 = /^(0|[1-9]\d?)$/;
const CIDR6 = /^(0|[1-9]\d{0,2})$/;

/** Splits "target/24//64" style suffixes; returns the target and an error code if the lengths are bad. */
function splitCidr(rest: string, allow6: boolean): { target: string; error: string | null } {
  const m = /^(.*?)(?:\/([^/]*))?(?:\/\/([^/]*))?$/.exec(rest)!;
  const target = m[1]!;
  const four = m[2];
  const six = m[3];
  if (four !== undefined && (!CIDR4.test(four) || Number(four) > 32)) return { target, error: "spfBadCidr" };
  if (six !== undefined && (!allow6 || !CIDR6.test(six) || Number(six) > 128)) return { target, error: "spfBadCidr" };
  return { target, error: null };
}

function parseMechanism(text: string, position: number, errors: SpfSyntaxError[]): Mechanism | null {
  const fail = (code: string) => (errors.push({ code, term: text, position }), null);
  let body = text;
  let qualifier: Qualifier = "+";
  if ("+-~?".includes(body[0]!)) {
    qualifier = body[0] as Qualifier;
    body = body.slice(1);
  }
  if (!/^[a-z]/i.test(body)) return fail("spfBadQualifier");
  const name = /^[a-z0-9]+/i.exec(body)![0].toLowerCase();
  const rest = body.slice(name.length);
  if (!MECHANISMS.has(name)) return fail("spfUnknownMechanism");
  const mech: Mechanism = { kind: "mechanism", qualifier, name: name as MechanismName, text, position };
  if (rest !== "" && rest[0] !== ":" && rest[0] !== "/") return fail("spfUnknownMechanism");
  switch (name) {
    case "all":
      return rest === "" ? mech : fail("spfBadArgument");
    case "include":
    case "exists": {
      if (!rest.startsWith(":")) return fail("spfMissingDomain");
      const err = macroStringError(rest.slice(1), true);
      return err ? fail(err) : { ...mech, domain: rest.slice(1) };
    }
    case "a":
    case "mx": {
      const { target, error } = splitCidr(rest, true);
      if (error) return fail(error);
      if (target === "") return mech;
      if (!target.startsWith(":")) return fail("spfBadArgument");
      const err = macroStringError(target.slice(1), true);
      return err ? fail(err) : { ...mech, domain: target.slice(1) };
    }
    case "ptr": {
      if (rest === "") return mech;
      if (!rest.startsWith(":")) return fail("spfBadArgument");
      const err = macroStringError(rest.slice(1), true);
      return err ? fail(err) : { ...mech, domain: rest.slice(1) };
    }
    default: {
      // ip4 / ip6
      if (!rest.startsWith(":")) return fail("spfBadIp");
      const slash = rest.indexOf("/");
      const ip = slash < 0 ? rest.slice(1) : rest.slice(1, slash);
      const cidr = slash < 0 ? undefined : rest.slice(slash + 1);
      if (!(name === "ip4" ? isIPv4(ip) : isIPv6(ip))) return fail("spfBadIp");
      const [pattern, max] = name === "ip4" ? [CIDR4, 32] : [CIDR6, 128];
      if (cidr !== undefined && (!pattern.test(cidr) || Number(cidr) > max)) return fail("spfBadCidr");
      return { ...mech, ip };
    }
  }
}

/** Parses a record that begins with v=spf1. Unknown modifiers are kept (§6: receivers ignore them). */
export function parseSpf(record: string): ParsedSpf {
  const errors: SpfSyntaxError[] = [];
  const terms: SpfTerm[] = [];
  if (!isSpfRecord(record)) return { terms, errors: [{ code: "spfNoVersion", term: record.slice(0, 10), position: 0 }] };
  const seenModifiers = new Set<string>();
  const re = /[^ ]+/g;
  re.lastIndex = 6;
  for (let m = re.exec(record); m; m = re.exec(record)) {
    const text = m[0];
    const position = m.index;
    const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(text);
    if (modifier) {
      const name = modifier[1]!.toLowerCase();
      const value = modifier[2]!;
      const known = name === "redirect" || name === "exp";
      if (known && seenModifiers.has(name)) errors.push({ code: "spfDuplicateModifier", term: text, position });
      seenModifiers.add(name);
      const err = macroStringError(value, known);
      if (err) errors.push({ code: err, term: text, position });
      else terms.push({ kind: "modifier", name, value, text, position });
      continue;
    }
    const mech = parseMechanism(text, position, errors);
    if (mech) terms.push(mech);
  }
  return { terms, errors };
}

export const hasMacro = (value: string) => value.includes("%");
