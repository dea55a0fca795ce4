// Where mail for a domain goes, as pure rules over DNS answers (RFC 5321 §5.1, RFC 7505): the MX
// records in preference order, equal preferences in random order (spreading load, as §5.1 asks);
// a null MX (one record, exchange ".") means the domain takes no mail; no MX at all means the
// domain itself, by its A/AAAA records. The lookups are in lookup-mail-route.ts.

export type MxRecord = { priority: number; exchange: string };

export type MailHost = { host: string; preference: number };

/** The outcome that ends an attempt without connecting anywhere. */
export type RouteFailure =
  // The domain says it takes no mail (null MX) or does not exist: the same answer tomorrow.
  | { kind: "bounce"; status: "5.1.10" | "5.1.2"; reason: string }
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
