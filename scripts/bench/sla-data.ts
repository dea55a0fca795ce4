// The generated platform of `npm run bench:sla`: N tenants with a plan, a subscription and the
// month's charge; 30 days of one-minute samples from 5 probes (with outages the close must find);
// a month of latency roll-ups for every tenant; a few tenant-scoped failures. Written with
// multi-row INSERTs over mysql2 (Prisma's createMany is ~5× slower for this much).
import type mysql from "mysql2/promise";

export const BENCH_PROBES = ["smtp_mx", "submission", "pop3", "http", "network"] as const;
/** Outages (UTC, minutes): 50 minutes on the 12th (a breach for everyone), 20 on the 20th. */
export const OUTAGES = [
  { at: "2026-09-12T02:00:00Z", minutes: 50 },
  { at: "2026-09-20T10:00:00Z", minutes: 20 },
];

async function insertRows(conn: mysql.Connection, table: string, columns: string, rows: unknown[][], chunk = 5_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await conn.query(`INSERT INTO ${table} ${columns} VALUES ?`, [rows.slice(i, i + chunk)]);
}

export async function generateSlaPlatform(conn: mysql.Connection, opts: { tenants: number; month: string; monthStart: Date; monthEnd: Date }): Promise<{ samples: number; latencyRows: number }> {
  const now = new Date();
  await conn.query("INSERT INTO Plan (id, code, name, pricePerSeatYear, mailboxQuotaMb, attachmentLimitMb, largeAttachmentLimitMb, updatedAt) VALUES ('bench-plan', 'bench', 'Bench', 20000, 1024, 30, 2048, ?)", [now]);
  await conn.query("INSERT INTO SlaTarget (planId, updatedAt) VALUES ('bench-plan', ?)", [now]);
  const ids = Array.from({ length: opts.tenants }, (_, i) => `bench-t-${String(i).padStart(6, "0")}`);
  await insertRows(conn, "Tenant", "(id, name, timeZone, createdAt, updatedAt)", ids.map((id, i) => [id, `Tenant ${i}`, i % 10 === 0 ? "UTC" : "Asia/Shanghai", now, now]));
  await insertRows(
    conn,
    "Subscription",
    "(id, tenantId, planId, seats, pricePerSeatYear, currency, status, billingStartMonth, createdAt, updatedAt)",
    ids.map((id) => [`sub-${id}`, id, "bench-plan", 20, 20_000, "CNY", "active", "2026-01", now, now]),
  );
  await insertRows(
    conn,
    "LedgerEntry",
    "(tenantId, kind, amount, currency, billingMonth, idempotencyKey, occurredAt)",
    ids.map((id) => [id, "monthly_charge", -33_334, "CNY", opts.month, `charge-${id}`, opts.monthStart]),
  );

  const outage = new Set(OUTAGES.flatMap((o) => Array.from({ length: o.minutes }, (_, i) => new Date(o.at).getTime() / 60_000 + i)));
  let samples = 0;
  const first = Math.floor(opts.monthStart.getTime() / 60_000) - 8 * 60;
  const last = Math.ceil(opts.monthEnd.getTime() / 60_000) + 8 * 60;
  let batch: unknown[][] = [];
  for (let m = first; m < last; m++) {
    for (const probe of BENCH_PROBES) {
      const down = outage.has(m) && probe !== "network";
      batch.push([probe, "127.0.0.1:2525", "bench-1", !down, down ? null : 15, down ? "connect ECONNREFUSED 127.0.0.1:2525" : null, new Date(m * 60_000 + 7_000)]);
    }
    if (batch.length >= 10_000) {
      await insertRows(conn, "ProbeSample", "(probe, target, location, ok, latencyMs, error, at)", batch, 10_000);
      samples += batch.length;
      batch = [];
    }
  }
  await insertRows(conn, "ProbeSample", "(probe, target, location, ok, latencyMs, error, at)", batch);
  samples += batch.length;
  // One tenant in a hundred had 15 minutes in which its own mailboxes (all of them) failed.
  const scoped = ids.filter((_, i) => i % 100 === 0).flatMap((id) => Array.from({ length: 15 }, (_, k) => ["pop3", "mailbox-store", "bench-1", false, null, "mailbox store unavailable", new Date(opts.monthStart.getTime() + 86_400_000 * 3 + k * 60_000), id, 20]));
  await insertRows(conn, "ProbeSample", "(probe, target, location, ok, latencyMs, error, at, tenantId, affected)", scoped);

  const histogram = JSON.stringify([40, 30, 10, 5, 3, 2, 0, 0, 0]);
  const days = Math.round((opts.monthEnd.getTime() - opts.monthStart.getTime()) / 86_400_000);
  const latency: unknown[][] = [];
  for (const id of ids) {
    for (let d = 0; d < days; d++) {
      const day = new Date(Date.UTC(opts.monthStart.getUTCFullYear(), opts.monthStart.getUTCMonth(), 1 + d));
      latency.push([id, day, "outbound", 90, 450_000, 280_000, 0, histogram], [id, day, "inbound", 90, 270_000, 40_000, 0, histogram]);
    }
  }
  await insertRows(conn, "LatencyRollup", "(tenantId, day, direction, messages, sumMs, maxMs, overHour, histogram)", latency);
  return { samples: samples + scoped.length, latencyRows: latency.length };
}
