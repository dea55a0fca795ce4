// The DNS client the checker uses: one query against one resolver (UDP, then TCP when the answer
// is truncated), or the same query against every configured resolver at once. It never throws:
// a resolver that times out, answers garbage or fails is an "error" outcome with a reason, so
// the checker can report "unknown" and never "wrong" for a resolver's failure.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { env } from "@/server/shared/env";
import { exchangeTcp, exchangeUdp, TransportError } from "./transport";
import { buildQuery, canonicalName, MalformedAnswer, typeCode, type ParsedMessage } from "./wire";
import {
  resolverLabel,
  type QueryErrorKind,
  type QueryOptions,
  type QueryResult,
  type QueryType,
  type RecordOf,
  type Resolver,
} from "./dns.types";

const RCODE_ERRORS: Record<number, [QueryErrorKind, string]> = {
  1: ["rcode", "FORMERR (it could not understand the query)"],
  2: ["servfail", "SERVFAIL (server failure)"],
  4: ["rcode", "NOTIMP (query type not implemented)"],
  5: ["refused", "REFUSED (it will not answer this query)"],
};

export async function query<T extends QueryType>(name: string, type: T, resolver: Resolver, options: QueryOptions = {}): Promise<QueryResult<T>> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? env().DNS_TIMEOUT_MS;
  const label = resolverLabel(resolver);
  let transport: "udp" | "tcp" = "udp";
  const result = (fields: Partial<QueryResult<T>> & Pick<QueryResult<T>, "outcome">): QueryResult<T> => ({
    records: [],
    aliases: [],
    resolver: label,
    transport,
    elapsedMs: performance.now() - started,
    ...fields,
  });
  const failed = (errorKind: QueryErrorKind, error: string) => result({ outcome: "error", errorKind, error });

  const qname = canonicalName(name);
  const id = randomInt(0x10000);
  let packet: Buffer;
  try {
    packet = buildQuery(id, qname, type);
  } catch (e) {
    return failed("bad-name", `"${name}" cannot be asked in DNS: ${(e as Error).message}`);
  }
  try {
    const deadline = started + timeoutMs;
    let message = await exchangeUdp(resolver, packet, id, deadline, timeoutMs);
    if (message.tc) {
      // RFC 7766 §5: a truncated UDP answer is retried over TCP, within the same deadline.
      transport = "tcp";
      message = await exchangeTcp(resolver, packet, id, deadline, timeoutMs);
      if (message.tc) throw new MalformedAnswer("the TCP answer is marked truncated too");
    }
    return interpret(message, qname, type, label, result, failed);
  } catch (e) {
    if (e instanceof MalformedAnswer) return failed("malformed", `malformed answer from ${label}: ${e.message}`);
    if (e instanceof TransportError) return failed(e.kind, e.message);
    return failed("network", `query to ${label} failed: ${(e as Error).message}`);
  }
}

function interpret<T extends QueryType>(
  message: ParsedMessage,
  qname: string,
  type: T,
  label: string,
  result: (fields: Partial<QueryResult<T>> & Pick<QueryResult<T>, "outcome">) => QueryResult<T>,
  failed: (kind: QueryErrorKind, error: string) => QueryResult<T>,
): QueryResult<T> {
  if (!message.qr) throw new MalformedAnswer("the reply is not marked as a response");
  const q = message.question;
  if (q && (q.name !== qname || q.type !== typeCode(type)))
    throw new MalformedAnswer(`the answer is for "${q.name}" type ${q.type}, not the question asked`);
  if (message.rcode === 3) return result({ outcome: "nxdomain" });
  if (message.rcode !== 0) {
    const [kind, text] = RCODE_ERRORS[message.rcode] ?? ["rcode", `response code ${message.rcode}`];
    return failed(kind, `${label} answered ${text}`);
  }
  // Follow the CNAME chain from the name asked; records of the asked type count only at its end.
  const aliases: string[] = [];
  let owner = qname;
  if (type !== "CNAME") {
    for (let hop = 0; hop < 16; hop++) {
      const alias = message.answers.find((r) => r.type === "CNAME" && r.name === owner);
      if (!alias || alias.type !== "CNAME" || aliases.includes(alias.target)) break;
      aliases.push(alias.target);
      owner = alias.target;
    }
  }
  const records = message.answers.filter((r): r is RecordOf<T> => r.type === type && r.name === owner);
  return result({ outcome: records.length ? "answer" : "nodata", records, aliases });
}

/** Asks every resolver in parallel; one result per resolver, in order (the checker tells "pending" from "ok" with them). */
export function queryAll<T extends QueryType>(name: string, type: T, resolvers: Resolver[] = configuredResolvers(), options: QueryOptions = {}): Promise<QueryResult<T>[]> {
  return Promise.all(resolvers.map((r) => query(name, type, r, options)));
}

/** DNS_RESOLVERS, else the sandbox when DNS_SANDBOX=on, else /etc/resolv.conf's nameservers. */
export function configuredResolvers(): Resolver[] {
  const e = env();
  if (e.DNS_RESOLVERS) return e.DNS_RESOLVERS.split(",").map((entry) => parseResolver(entry, 53));
  if (e.DNS_SANDBOX === "on") return [{ host: "127.0.0.1", port: e.DNS_SANDBOX_PORT }];
  return systemResolvers();
}

/** "1.2.3.4", "1.2.3.4:53", "::1" or "[::1]:53". */
export function parseResolver(entry: string, defaultPort: number): Resolver {
  const s = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2] ?? defaultPort) };
  const v4 = /^([^:]+)(?::(\d+))?$/.exec(s);
  if (v4) return { host: v4[1]!, port: Number(v4[2] ?? defaultPort) };
  return { host: s, port: defaultPort }; // a bare IPv6 address
}

export function systemResolvers(resolvConf = "/etc/resolv.conf"): Resolver[] {
  let text = "";
  try {
    text = readFileSync(resolvConf, "utf8");
  } catch {
    /* no resolv.conf: glibc's default below */
  }
  const hosts = [...text.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]!);
  // Like glibc: without a nameserver line, the local machine is the resolver.
  return (hosts.length ? hosts : ["127.0.0.1"]).map((host) => ({ host, port: 53 }));
}
