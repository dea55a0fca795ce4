// Generated domains for `npm run bench:dns`: N mail-ready domains of N/10 tenants (the plan
// limit), each with one active DKIM key and every record the wizard asks for published to the
// sandbox table, so a check finds everything in order and the state does not change (the
// steady state of hourly re-verification). Inserted with bulk SQL: going through addDomain
// would spend minutes generating 10,000 RSA keys; one key pair is shared instead (the checker
// only compares the published key with the stored one).
import { randomBytes } from "node:crypto";
import type mysql from "mysql2/promise";
import { generateDkimKey } from "@/server/domains/dkim/generate-dkim-key";
import { expectedRecords } from "@/server/domains/rules/expected-records";
import type { PlatformDnsSettings } from "@/server/domains/rules/platform-settings";
import { toSandboxRecord } from "@/server/domains/check/publish-domain-to-sandbox";

export const DOMAINS_PER_TENANT = 10;
export const BENCH_ZONE = "bench-dns.test";
const SELECTOR = "ms202610";

async function insert(conn: mysql.Connection, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2_000) {
    await conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(", ")}) VALUES ?`, [rows.slice(i, i + 2_000)]);
  }
}

/** Domain ids in insertion order; domain i belongs to tenant i mod T, so neighbours in the queue rarely share a tenant lock. */
export async function generateDomains(conn: mysql.Connection, count: number, settings: PlatformDnsSettings, now: Date): Promise<string[]> {
  const key = await generateDkimKey();
  const tenantCount = Math.ceil(count / DOMAINS_PER_TENANT);
  const created = new Date(now.getTime() - 30 * 86_400_000); // a month old: checked hourly
  const tenants = Array.from({ length: tenantCount }, (_, t) => [`bdt-${String(t).padStart(6, "0")}`, `Bench tenant ${t}`, "active", "Asia/Shanghai", created, now]);
  const domains: unknown[][] = [];
  const keys: unknown[][] = [];
  const records: unknown[][] = [];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `bdd-${String(i).padStart(7, "0")}`;
    const name = `d${i}.${BENCH_ZONE}`;
    const token = randomBytes(16).toString("hex");
    ids.push(id);
    domains.push([id, tenants[i % tenantCount]![0], name, name, "mail_ready", token, now, created, created, created, now]);
    keys.push([`bdk-${String(i).padStart(7, "0")}`, id, SELECTOR, key.publicKey, key.privateKeyEnc, "active", created, created]);
    for (const r of expectedRecords(name, settings, { ownershipToken: token, dkim: [{ selector: SELECTOR, publicKeyBase64: key.publicKey }] })) {
      const s = toSandboxRecord(r);
      records.push([s.name, s.type, s.ttl ?? 3600, JSON.stringify(s.data)]);
    }
  }
  // The platform's own SPF record, which every customer's include: points at.
  records.push([settings.spfInclude, "TXT", 3600, JSON.stringify({ strings: ["v=spf1 ip4:192.0.2.0/24 -all"] })]);

  await conn.query("SET unique_checks = 0, foreign_key_checks = 0");
  await insert(conn, "Tenant", ["id", "name", "status", "timeZone", "mxVerifiedAt", "updatedAt"], tenants);
  await insert(conn, "Domain", ["id", "tenantId", "name", "unicodeName", "state", "ownershipToken", "nextCheckAt", "ownedAt", "mailReadyAt", "createdAt", "updatedAt"], domains);
  await insert(conn, "DkimKey", ["id", "domainId", "selector", "publicKey", "privateKeyEnc", "status", "createdAt", "activatedAt"], keys);
  await insert(conn, "SandboxRecord", ["name", "type", "ttl", "data"], records);
  await conn.query("SET unique_checks = 1, foreign_key_checks = 1");
  await conn.query("ANALYZE TABLE Tenant, Domain, DkimKey, SandboxRecord");
  return ids;
}
