import { query } from "@/server/dns/resolver";
import type { QueryResult, QueryType, Resolver } from "@/server/dns/dns.types";
import { QUERY_TYPES } from "@/server/dns/dns.types";

// mailauth asks DNS through a function shaped like node's dns.promises.resolve(name, rrtype):
// A/AAAA/CNAME → string[], MX → {exchange, priority}[], TXT → string[][] (the separate strings
// of each record), and failures are errors whose `code` is node's: ENOTFOUND (no such name)
// and ENODATA (no record of that type) mean "void", anything else (ETIMEOUT, ESERVFAIL,
// EREFUSED…) is a temporary error (SPF/DKIM/DMARC "temperror"). This adapter puts the
// project's own DNS client (server/dns/resolver.ts, the sandbox locally) behind that shape.

export type MailauthResolver = (name: string, rrtype: string) => Promise<unknown[]>;

export class DnsLookupError extends Error {
  constructor(
    readonly code: string,
    readonly hostname: string,
    message: string,
  ) {
    super(message);
    this.name = "DnsLookupError";
  }
}

const ERROR_CODES: Record<string, string> = {
  timeout: "ETIMEOUT",
  servfail: "ESERVFAIL",
  refused: "EREFUSED",
  malformed: "EBADRESP",
  rcode: "ESERVFAIL",
  network: "ECONNREFUSED",
  "bad-name": "EBADNAME",
};

function shape(result: QueryResult): unknown[] {
  return result.records.map((r) => {
    switch (r.type) {
      case "A":
      case "AAAA":
        return r.address;
      case "MX":
        return { exchange: r.exchange, priority: r.priority };
      case "TXT":
        return r.strings;
      case "CNAME":
        return r.target;
    }
  });
}

/**
 * A resolver for mailauth over `resolvers` (tried in order while they fail with an error;
 * NXDOMAIN and NODATA are answers, not failures). Types our client does not ask (PTR for SPF's
 * deprecated "ptr" mechanism, SPF's unused type 99) are answered ENODATA: the mechanism then
 * does not match, as RFC 7208 §5.5 advises for a mechanism that "SHOULD NOT be used".
 */
export function mailauthResolver(resolvers: () => Resolver[], timeoutMs: () => number): MailauthResolver {
  return async (name, rrtype) => {
    const type = rrtype.toUpperCase();
    if (!(QUERY_TYPES as readonly string[]).includes(type)) throw new DnsLookupError("ENODATA", name, `query${rrtype} ENODATA ${name}`);
    let last: QueryResult | null = null;
    for (const resolver of resolvers()) {
      const result = await query(name, type as QueryType, resolver, { timeoutMs: timeoutMs() });
      if (result.outcome === "answer") return shape(result);
      if (result.outcome === "nxdomain") throw new DnsLookupError("ENOTFOUND", name, `query${type} ENOTFOUND ${name}`);
      if (result.outcome === "nodata") throw new DnsLookupError("ENODATA", name, `query${type} ENODATA ${name}`);
      last = result;
    }
    const code = (last?.errorKind && ERROR_CODES[last.errorKind]) || "ESERVFAIL";
    throw new DnsLookupError(code, name, `query${type} ${code} ${name}: ${last?.error ?? "no resolver configured"}`);
  };
}
