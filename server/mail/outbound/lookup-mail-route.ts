import { configuredResolvers, query } from "@/server/dns/resolver";
import type { QueryResult, QueryType } from "@/server/dns/dns.types";
import { env } from "@/server/shared/env";
import { dialableHosts, isNullMx, orderExchanges, privateOnly, type MailHost, type RouteFailure } from "./mail-route";

// The DNS half of routing (the rules are in mail-route.ts): MX, then each exchange's addresses,
// through the configured resolvers (the sandbox locally). A resolver that fails is followed by
// the next; when none answers, the attempt is deferred — a DNS failure never bounces mail.
// Addresses that are not public are dropped unless OUTBOUND_PRIVATE_TARGETS is "allow" (tests
// and the local sandbox, whose exchanges are on 127.0.0.1): whoever controls a domain's DNS
// chooses where we connect (address-scope.ts).

/** Addresses tried per attempt, over all exchanges: enough for a primary and a backup with two addresses each. */
export const MAX_ADDRESSES_PER_ATTEMPT = 5;

export type RouteHost = MailHost & { addresses: string[] };
export type MailRoute = { kind: "hosts"; hosts: RouteHost[]; implicitMx: boolean } | RouteFailure;

/**
 * Answers are kept for their TTL, at most CACHE_MAX_SECONDS, as a caching resolver would: a
 * busy destination domain would otherwise cost three lookups per message. Failures are not kept.
 */
export const CACHE_MAX_SECONDS = 300;
const CACHE_MAX_ENTRIES = 10_000;
const cache = new Map<string, { until: number; result: unknown }>();

/** The first answer that is not an error, else the last error. */
async function ask<T extends QueryType>(name: string, type: T): Promise<QueryResult<T>> {
  const key = `${type} ${name.toLowerCase()}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.result as QueryResult<T>;
  let last: QueryResult<T> | undefined;
  for (const resolver of configuredResolvers()) {
    last = await query(name, type, resolver);
    if (last.outcome !== "error") break;
  }
  if (!last) throw new Error("no DNS resolver is configured");
  if (last.outcome === "answer") {
    const ttl = Math.min(CACHE_MAX_SECONDS, ...last.records.map((r) => r.ttl));
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    if (ttl > 0) cache.set(key, { until: Date.now() + ttl * 1000, result: last });
  }
  return last;
}

/** Forgets every cached answer (tests that change records under the same names). */
export function clearRouteCache(): void {
  cache.clear();
}

/** `error`: why the A or the AAAA lookup failed, even when the other one answered. */
type Addresses = { addresses: string[]; error: string | null };

/** IPv4 first, then IPv6 (the sandbox and most exchanges are reached over IPv4). */
async function addressesOf(host: string): Promise<Addresses> {
  const [a, aaaa] = await Promise.all([ask(host, "A"), ask(host, "AAAA")]);
  const addresses = [...a.records.map((r) => r.address), ...aaaa.records.map((r) => r.address)];
  const failed = [a, aaaa].find((r) => r.outcome === "error");
  return { addresses, error: failed ? (failed.error ?? "DNS lookup failed") : null };
}

const defer = (reason: string): RouteFailure => ({ kind: "defer", status: "4.4.3", reason });

export async function lookupMailRoute(domain: string): Promise<MailRoute> {
  const mx = await ask(domain, "MX");
  if (mx.outcome === "error") return defer(`MX lookup for ${domain} failed: ${mx.error ?? "no answer"}`);
  if (mx.outcome === "nxdomain") return { kind: "bounce", status: "5.1.2", reason: `the domain ${domain} does not exist (NXDOMAIN)` };

  if (mx.outcome === "answer") {
    const records = mx.records.map((r) => ({ priority: r.priority, exchange: r.exchange }));
    if (isNullMx(records)) return { kind: "bounce", status: "5.1.10", reason: `the domain ${domain} accepts no mail (null MX, RFC 7505)` };
    const ordered = orderExchanges(records);
    const resolved = await Promise.all(ordered.map((h) => addressesOf(h.host)));
    const { hosts, refused } = dialableHosts(
      ordered.map((h, i) => ({ ...h, addresses: resolved[i]!.addresses })),
      env().OUTBOUND_PRIVATE_TARGETS,
    );
    if (hosts.length === 0) {
      // A failed lookup defers even beside refused addresses: that exchange may have a public one.
      const errors = resolved.map((r, i) => r.error && `${ordered[i]!.host}: ${r.error}`).filter(Boolean);
      if (errors.length) return defer(`no address for ${domain}'s mail exchangers (${errors.join("; ")})`);
      if (refused.length) return privateOnly(domain, refused);
      return defer(`none of ${domain}'s mail exchangers has an address`);
    }
    return { kind: "hosts", hosts: capAddresses(hosts), implicitMx: false };
  }

  // No MX: the domain itself is the exchange (RFC 5321 §5.1, the "implicit MX").
  const own = await addressesOf(domain);
  if (own.addresses.length === 0) {
    if (own.error) return defer(`address lookup for ${domain} failed: ${own.error}`);
    return { kind: "bounce", status: "5.1.2", reason: `the domain ${domain} has no MX and no address record` };
  }
  const { hosts, refused } = dialableHosts([{ host: domain, preference: 0, addresses: own.addresses }], env().OUTBOUND_PRIVATE_TARGETS);
  if (hosts.length === 0) return own.error ? defer(`address lookup for ${domain} failed: ${own.error}`) : privateOnly(domain, refused);
  return { kind: "hosts", hosts: capAddresses(hosts), implicitMx: true };
}

function capAddresses(hosts: RouteHost[]): RouteHost[] {
  let left = MAX_ADDRESSES_PER_ATTEMPT;
  const out: RouteHost[] = [];
  for (const h of hosts) {
    if (left <= 0) break;
    const addresses = h.addresses.slice(0, left);
    left -= addresses.length;
    out.push({ ...h, addresses });
  }
  return out;
}
