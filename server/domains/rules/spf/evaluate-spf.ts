import type { Problem, ResolverOutcome } from "../check-types";
import { normaliseName } from "../check-types";
import { DNS_TERMS, hasMacro, isSpfRecord, parseSpf, type Qualifier } from "./parse-spf";

// Walks an SPF record the way a receiver would (RFC 7208 §4.6.4, §5, §6.1), without a client
// IP: it follows every include and redirect through the lookup functions the caller passes
// (backed by the real resolver in production, by a fixed zone map in tests) and counts what a
// receiver counts. Terms after `all` are never evaluated by a receiver, so they are not walked.

export const MAX_DNS_LOOKUPS = 10;
export const MAX_VOID_LOOKUPS = 2;
/** Far past the limit; only stops a hostile tree from costing us thousands of queries. */
const WALK_CAP = 50;

export type SpfLookup = { outcome: ResolverOutcome; records: string[]; error?: string };
export type SpfDns = {
  /** TXT values of a name, each record's strings already joined. */
  lookupTxt(name: string): Promise<SpfLookup>;
  /** Whether a/exists (A) or mx (MX) targets resolve; without it those targets' void lookups are not counted. */
  lookupHost?(name: string, kind: "a" | "mx"): Promise<ResolverOutcome>;
};

export type SpfEvaluation = {
  lookups: number;
  voidLookups: number;
  /** Every domain reached through include or redirect, with the chain that reached it. */
  expanded: { domain: string; via: string[]; how: "include" | "redirect" }[];
  /** The effective `all` of the top record (following redirect), or null when there is none. */
  all: Qualifier | null;
  /** Each one is an RFC 7208 permerror. */
  errors: Problem[];
  warnings: Problem[];
  /** Set when a lookup failed: the walk is incomplete, the caller reports "unknown". */
  temperror?: string;
};

const arrow = (chain: string[]) => chain.join(" → ");

export async function evaluateSpf(domain: string, record: string, dns: SpfDns): Promise<SpfEvaluation> {
  const ev: SpfEvaluation = { lookups: 0, voidLookups: 0, expanded: [], all: null, errors: [], warnings: [] };
  const voidNames: string[] = [];
  let exceededAt: string | null = null;

  const count = (chain: string[], term: string) => {
    ev.lookups++;
    if (ev.lookups === MAX_DNS_LOOKUPS + 1) exceededAt = `${arrow(chain)} (${term})`;
  };
  const voided = (name: string) => {
    ev.voidLookups++;
    voidNames.push(name);
  };

  /** Fetches and walks the record of an include or redirect target; returns its effective all. */
  async function expand(target: string, chain: string[], how: "include" | "redirect"): Promise<Qualifier | null> {
    const name = normaliseName(target);
    if (chain.includes(name)) {
      ev.errors.push({ code: "spfLoop", params: { chain: arrow([...chain, name]) } });
      return null;
    }
    const via = [...chain, name];
    const answer = await dns.lookupTxt(name);
    if (answer.outcome === "error") {
      ev.temperror ??= `${name}: ${answer.error ?? "lookup failed"}`;
      return null;
    }
    if (answer.outcome !== "answer" || answer.records.length === 0) voided(name);
    const spf = answer.records.filter(isSpfRecord);
    if (spf.length === 0) {
      ev.errors.push({ code: "spfTargetHasNoSpf", params: { domain: name, chain: arrow(via) } });
      return null;
    }
    if (spf.length > 1) {
      ev.errors.push({ code: "spfTargetHasTwoSpf", params: { domain: name, count: spf.length } });
      return null;
    }
    ev.expanded.push({ domain: name, via: chain, how });
    return walk(name, spf[0]!, via);
  }

  async function walk(current: string, text: string, chain: string[]): Promise<Qualifier | null> {
    const parsed = parseSpf(text);
    for (const e of parsed.errors) {
      ev.errors.push({ code: e.code, params: { term: e.term, position: e.position + 1, domain: current } });
    }
    if (parsed.errors.length) return null; // a receiver stops at the syntax error (permerror)
    let all: Qualifier | null = null;
    let redirect: string | null = null;
    for (const term of parsed.terms) {
      if (ev.lookups > WALK_CAP || ev.temperror) return all;
      if (term.kind === "modifier") {
        if (term.name === "redirect") redirect = term.value;
        continue;
      }
      if (term.name === "all") {
        all = term.qualifier;
        break;
      }
      if (!DNS_TERMS.has(term.name)) continue;
      count(chain, term.text);
      const target = term.domain ?? current;
      if (hasMacro(target)) {
        ev.warnings.push({ code: "spfMacroNotExpanded", params: { term: term.text, domain: current } });
        continue;
      }
      if (term.name === "include") await expand(target, chain, "include");
      else if (term.name === "ptr") ev.warnings.push({ code: "spfPtrDiscouraged", params: { term: term.text, domain: current } });
      else if (dns.lookupHost) {
        const outcome = await dns.lookupHost(normaliseName(target), term.name === "mx" ? "mx" : "a");
        if (outcome === "error") ev.temperror ??= `${target}: lookup failed`;
        else if (outcome !== "answer") voided(normaliseName(target));
      }
    }
    // §6.1: redirect is ignored when the record has an all.
    if (all === null && redirect !== null) {
      count(chain, `redirect=${redirect}`);
      if (hasMacro(redirect)) {
        ev.warnings.push({ code: "spfMacroNotExpanded", params: { term: `redirect=${redirect}`, domain: current } });
        return null;
      }
      return expand(redirect, chain, "redirect");
    }
    return all;
  }

  ev.all = await walk(normaliseName(domain), record, [normaliseName(domain)]);
  if (ev.lookups > MAX_DNS_LOOKUPS) {
    ev.errors.push({
      code: "spfTooManyLookups",
      params: { count: ev.lookups > WALK_CAP ? `${WALK_CAP}+` : ev.lookups, limit: MAX_DNS_LOOKUPS, chain: exceededAt ?? "" },
    });
  }
  if (ev.voidLookups > MAX_VOID_LOOKUPS) {
    ev.errors.push({ code: "spfTooManyVoidLookups", params: { count: ev.voidLookups, limit: MAX_VOID_LOOKUPS, names: voidNames.join(", ") } });
  }
  return ev;
}
