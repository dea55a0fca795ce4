// Shapes shared by the DNS client (resolver.ts), the sandbox server and the checker.

export const QUERY_TYPES = ["A", "AAAA", "MX", "TXT", "CNAME"] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

/** One answer record, typed by what the checker needs. Names are lower-case, without the final dot. */
export type DnsRecord =
  | { type: "A"; name: string; ttl: number; address: string }
  | { type: "AAAA"; name: string; ttl: number; address: string }
  | { type: "MX"; name: string; ttl: number; priority: number; exchange: string }
  // The separate character-strings of one TXT record, in order: DKIM diagnoses depend on where a value was split.
  | { type: "TXT"; name: string; ttl: number; strings: string[] }
  | { type: "CNAME"; name: string; ttl: number; target: string };

export type RecordOf<T extends QueryType> = Extract<DnsRecord, { type: T }>;

export type Resolver = { host: string; port: number };

export type QueryOutcome = "answer" | "nxdomain" | "nodata" | "error";

/** Why a query failed; lets the checker say "unknown (resolver timed out)" rather than "wrong". */
export type QueryErrorKind = "timeout" | "malformed" | "servfail" | "refused" | "rcode" | "network" | "bad-name";

export type QueryResult<T extends QueryType = QueryType> = {
  outcome: QueryOutcome;
  /** Records of the asked type only (empty unless outcome is "answer"). */
  records: RecordOf<T>[];
  /** CNAME targets followed to reach the records, when the name is an alias and another type was asked. */
  aliases: string[];
  error?: string;
  errorKind?: QueryErrorKind;
  /** "host:port" of the resolver asked, for per-resolver diagnoses. */
  resolver: string;
  /** The transport of the final answer: "tcp" when the UDP answer was truncated. */
  transport: "udp" | "tcp";
  elapsedMs: number;
};

export type QueryOptions = { timeoutMs?: number };

/** "host:port", with brackets around an IPv6 host. */
export function resolverLabel(r: Resolver): string {
  return r.host.includes(":") ? `[${r.host}]:${r.port}` : `${r.host}:${r.port}`;
}
