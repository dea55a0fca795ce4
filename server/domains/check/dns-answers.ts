import { query } from "@/server/dns/resolver";
import type { QueryResult, Resolver } from "@/server/dns/dns.types";
import type { AddressOrAlias, MxRecord, ResolverAnswer, TxtRecord } from "../rules/check-types";
import type { SpfDns } from "../rules/spf/evaluate-spf";

// Turns the DNS client's QueryResults into the rules' ResolverAnswers, and gives the SPF
// evaluator lookups through one given resolver (each resolver is judged on its own view).

type Base = Pick<ResolverAnswer<unknown>, "resolver" | "outcome" | "error">;
const base = (r: Pick<QueryResult, "resolver" | "outcome" | "error">): Base => ({ resolver: r.resolver, outcome: r.outcome, ...(r.error ? { error: r.error } : {}) });

/** One string[] per TXT record, its character-strings in order. */
export const txtAnswers = (results: QueryResult<"TXT">[]): ResolverAnswer<TxtRecord>[] =>
  results.map((r) => ({ ...base(r), records: r.records.map((t) => t.strings) }));

export const mxAnswers = (results: QueryResult<"MX">[]): ResolverAnswer<MxRecord>[] =>
  results.map((r) => ({ ...base(r), records: r.records.map((m) => ({ preference: m.priority, exchange: m.exchange })) }));

/**
 * A client name (webmail.<domain>…) asked both as CNAME and as A, per resolver: the CNAME when
 * there is one, else the addresses (a record of the wrong type, which the rule explains). Either
 * query failing makes the resolver's answer a failure, never a verdict.
 */
export function clientAnswers(cnames: QueryResult<"CNAME">[], addresses: QueryResult<"A">[]): ResolverAnswer<AddressOrAlias>[] {
  return cnames.map((c, i) => {
    const a = addresses[i]!;
    if (c.outcome === "error") return { ...base(c), records: [] };
    if (c.records.length) return { ...base(c), records: c.records.map((r) => ({ type: "CNAME" as const, target: r.target })) };
    if (a.outcome === "error") return { ...base(a), records: [] };
    if (a.aliases.length) return { ...base(a), outcome: "answer" as const, records: [{ type: "CNAME" as const, target: a.aliases[0]! }] };
    if (a.records.length) return { ...base(a), records: a.records.map((r) => ({ type: "A" as const, address: r.address })) };
    return { ...base(c), records: [] };
  });
}

/** SPF expansion lookups through `resolver` only. */
export function spfDnsThrough(resolver: Resolver): SpfDns {
  return {
    async lookupTxt(name) {
      const r = await query(name, "TXT", resolver);
      return { outcome: r.outcome, records: r.records.map((t) => t.strings.join("")), ...(r.error ? { error: r.error } : {}) };
    },
    async lookupHost(name, kind) {
      return (await query(name, kind === "a" ? "A" : "MX", resolver)).outcome;
    },
  };
}
