// Where mail for a domain goes, as pure rules over DNS answers (RFC 5321 §5.1, RFC 7505): the MX
// records in preference order, equal preferences in random order (spreading load, as §5.1 asks);
// a null MX (one record, exchange ".") means the domain takes no mail; no MX at all means the
// domain itself, by its A/AAAA records. The lookups are in lookup-mail-route.ts.

import { isPublicAddress } from "./address-scope";

export type MxRecord = { priority: number; exchange: string };

export type MailHost = { host: string; preference: number };

/** The outcome that ends an attempt without connecting anywhere. */
export type RouteFailure =
  // The domain says it takes no mail (null MX) or does not exist: the same answer tomorrow.
  | { kind: "bounce"; status: "5.1.10" | "5.1.2"; reason: string }
  // Every address of every exchange is private, loopback or otherwise not public (and refused,
  // OUTBOUND_PRIVATE_TARGETS): see privateOnly.
  | { kind: "bounce"; status: "5.4.4"; reason: string }
  // DNS did not answer (timeout, SERVFAIL…): never a reason to bounce.
  | { kind: "defer"; status: "4.4.3"; reason: string };

/** RFC 7505: a single MX whose exchange is the root (".", which arrives here as "" or "."). */
export function isNullMx(records: MxRecord[]): boolean {
  return records.some((r) => r.exchange === "" || r.exchange === ".");
}

/** Fisher–Yates with an injectable random source (tests pass a fixed one). */
function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The exchanges to try, lowest preference first, equal preferences shuffled; duplicates once. */
export function orderExchanges(records: MxRecord[], random: () => number = Math.random): MailHost[] {
  const byPreference = new Map<number, string[]>();
  for (const r of records) {
    const host = r.exchange.replace(/\.$/, "").toLowerCase();
    if (!host) continue;
    byPreference.set(r.priority, [...(byPreference.get(r.priority) ?? []), host]);
  }
  const seen = new Set<string>();
  const hosts: MailHost[] = [];
  for (const preference of [...byPreference.keys()].sort((a, b) => a - b)) {
    for (const host of shuffle(byPreference.get(preference)!, random)) {
      if (seen.has(host)) continue;
      seen.add(host);
      hosts.push({ host, preference });
    }
  }
  return hosts;
}

/** The domain of an address (lower-case), or null when it has none. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf("@");
  const domain = at < 0 ? "" : address.slice(at + 1).trim().replace(/\.$/, "").toLowerCase();
  return domain ? domain : null;
}

/** OUTBOUND_PRIVATE_TARGETS: whether exchange addresses that are not public may be dialled. */
export type PrivateTargets = "refuse" | "allow";

/**
 * The hosts with only the addresses the relay may dial, in their order; a host left with none is
 * skipped. `refused` lists what was dropped for not being public (always empty with "allow").
 */
export function dialableHosts<H extends { addresses: string[] }>(hosts: H[], policy: PrivateTargets): { hosts: H[]; refused: string[] } {
  const refused: string[] = [];
  const kept = hosts.map((h) => {
    if (policy === "allow") return h;
    refused.push(...h.addresses.filter((ip) => !isPublicAddress(ip)));
    return { ...h, addresses: h.addresses.filter(isPublicAddress) };
  });
  return { hosts: kept.filter((h) => h.addresses.length > 0), refused };
}

/**
 * The attempt's end when the domain's exchanges resolve only to addresses we refuse to dial.
 * A bounce, not a deferral: like a null MX or NXDOMAIN it is the domain's own published answer,
 * and one that almost never changes within the 5-day retry window — deferring would hold the
 * sender for days (with a "delayed" DSN after 4 hours) only to bounce at the end. Postfix bounces
 * the same case (an MX pointing at itself) at once, "mail loops back to myself". Status 5.4.4
 * "unable to route" rather than Postfix's 5.4.6 "routing loop": a private address is usually
 * someone's internal network, not us. A lookup that failed for another exchange still defers
 * (the caller checks that first), since that exchange may have had a public address.
 */
export function privateOnly(domain: string, refused: string[]): RouteFailure {
  const shown = [...new Set(refused)].slice(0, 5).join(", ");
  return {
    kind: "bounce",
    status: "5.4.4",
    reason: `the mail exchangers of ${domain} resolve only to private, loopback or other non-public addresses (${shown}), which this relay does not connect to`,
  };
}
