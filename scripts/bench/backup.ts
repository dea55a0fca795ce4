// `npm run bench:backup [-- --tenants N] [--mailboxes-per-tenant N] [--rounds N] [--keep]`: the
// configuration backup and restore over 10,000 tenants with 100,000 mailboxes (issue 12), against
// the peer on the same tables: `mariadb-dump --single-transaction | gzip`, restored with the
// `mariadb` client. Median of `rounds` runs each; every restore of ours is checked table by table
// (CHECKSUM TABLE) against the source. Builds and drops its own databases unless --keep.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import mysql from "mysql2/promise";
import { env } from "@/server/shared/env";
import { databaseName, serverOptions, withDatabase } from "@/server/shared/migrations/connection";
import { INCLUDED_TABLES } from "@/server/operations/backups/backup-tables";
import { writeBackupFile } from "@/server/operations/backups/write-backup-file";
import { restoreBackup } from "@/server/operations/backups/restore-backup";
import { migrate } from "@/server/shared/migrations/migrate";
import { dropBenchDatabase, freshBenchDatabase, runBench } from "./bench-db";
import { generatePlatform } from "./backup-data";

const SOURCE = "mailstead_bench_backup";
const TARGET = "mailstead_bench_restore";
const PEER_TARGET = "mailstead_bench_restore_peer";

const { values } = parseArgs({
  options: { tenants: { type: "string", default: "10000" }, "mailboxes-per-tenant": { type: "string", default: "10" }, rounds: { type: "string", default: "3" }, keep: { type: "boolean", default: false } },
});
const tenants = Number(values.tenants);
const perTenant = Number(values["mailboxes-per-tenant"]);
const rounds = Number(values.rounds);
if (![tenants, perTenant, rounds].every((x) => Number.isInteger(x) && x > 0)) {
  console.error("usage: npm run bench:backup [-- --tenants N] [--mailboxes-per-tenant N] [--rounds N] [--keep]");
  process.exit(1);
}

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const base = env().DATABASE_URL;
const timed = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const r = await work();
  return [(performance.now() - t0) / 1000, r];
};

async function onServer(sql: string) {
  const c = await mysql.createConnection(serverOptions(base));
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function checksums(url: string): Promise<Map<string, string>> {
  const c = await mysql.createConnection({ ...serverOptions(url), database: databaseName(url) });
  try {
    const [rows] = await c.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE ${INCLUDED_TABLES.map((t) => `\`${t}\``).join(", ")}`);
    return new Map(rows.map((r) => [String(r.Table).split(".").pop()!, String(r.Checksum)]));
  } finally {
    await c.end();
  }
}

/** The peer's command-line arguments for the bench's server (password through MYSQL_PWD). */
function clientArgs(): { args: string[]; env: NodeJS.ProcessEnv } {
  const o = serverOptions(base);
  return { args: ["-h", String(o.host), "-P", String(o.port), "-u", String(o.user)], env: { ...process.env, MYSQL_PWD: String(o.password ?? "") } };
}

function shell(script: string, extraEnv: NodeJS.ProcessEnv): void {
  const r = spawnSync("bash", ["-o", "pipefail", "-c", script], { env: extraEnv, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`peer command failed (${r.status}): ${script}`);
}

async function main(): Promise<string[]> {
  const problems: string[] = [];
  for (const tool of ["mariadb-dump", "mariadb", "gzip"]) execFileSync("which", [tool]);
  const sourceUrl = await freshBenchDatabase(base, SOURCE);
  const src = await mysql.createConnection({ ...serverOptions(sourceUrl), database: SOURCE });
  const [genSeconds, rows] = await timed(() => generatePlatform(src, tenants, perTenant));
  await src.end();
  console.log(`generated ${n(rows)} rows (${n(tenants)} tenants, ${n(tenants * perTenant)} mailboxes) in ${genSeconds.toFixed(1)} s`);
  const want = await checksums(sourceUrl);
  const dir = await mkdtemp(path.join(tmpdir(), "ms-bench-backup-"));
  const targetUrl = withDatabase(base, TARGET);
  const ours = { backup: [] as number[], restore: [] as number[], restoreRows: [] as number[], bytes: 0, rows: 0 };
  const peer = { dump: [] as number[], restore: [] as number[], bytes: 0 };
  // Ratios per round: the shared machine's load changes between rounds more than within one.
  const ratio = { backup: [] as number[], restore: [] as number[], restoreRows: [] as number[] };
  const { args, env: peerEnv } = clientArgs();
  try {
    for (let r = 0; r < rounds; r++) {
      const [b, file] = await timed(() => writeBackupFile({ databaseUrl: sourceUrl, dir, at: new Date(Date.UTC(2026, 10, 27, 3, 0, r)) }));
      ours.backup.push(b);
      ours.bytes = file.bytes;
      ours.rows = file.rowCount;
      // Into an empty database (restore migrates it first), then the same file into a migrated one.
      await onServer(`DROP DATABASE IF EXISTS \`${TARGET}\``);
      const [total] = await timed(() => restoreBackup({ filePath: file.filePath, databaseUrl: targetUrl }));
      ours.restore.push(total);
      const got = await checksums(targetUrl);
      for (const t of INCLUDED_TABLES) if (got.get(t) !== want.get(t)) problems.push(`round ${r + 1}: ${t} differs after restore`);
      await onServer(`DROP DATABASE IF EXISTS \`${TARGET}\``);
      await migrate({ databaseUrl: targetUrl });
      const [rowsOnly] = await timed(() => restoreBackup({ filePath: file.filePath, databaseUrl: targetUrl }));
      ours.restoreRows.push(rowsOnly);
      await rm(file.filePath);
      await rm(`${file.filePath}.sha256`);

      const dump = path.join(dir, "peer.sql.gz");
      const [d] = await timed(async () => shell(`mariadb-dump ${args.join(" ")} --single-transaction --skip-lock-tables ${SOURCE} ${INCLUDED_TABLES.join(" ")} | gzip -6 > ${dump}`, peerEnv));
      peer.dump.push(d);
      peer.bytes = (await stat(dump)).size;
      await onServer(`DROP DATABASE IF EXISTS \`${PEER_TARGET}\``);
      await onServer(`CREATE DATABASE \`${PEER_TARGET}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      const [p] = await timed(async () => shell(`gunzip -c ${dump} | mariadb ${args.join(" ")} ${PEER_TARGET}`, peerEnv));
      peer.restore.push(p);
      ratio.backup.push(b / d);
      ratio.restore.push(total / p);
      ratio.restoreRows.push(rowsOnly / p);
      console.log(`round ${r + 1}: backup ${b.toFixed(1)} s, restore ${total.toFixed(1)} s (rows only ${rowsOnly.toFixed(1)} s); peer dump ${d.toFixed(1)} s, peer restore ${p.toFixed(1)} s`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const [ob, or, orr, pd, pr] = [median(ours.backup), median(ours.restore), median(ours.restoreRows), median(peer.dump), median(peer.restore)];
  console.log(`\nbench:backup — ${n(tenants)} tenants, ${n(tenants * perTenant)} mailboxes, ${n(ours.rows)} rows in ${INCLUDED_TABLES.length} tables; ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; median of ${rounds}`);
  console.log(`  backup    ${ob.toFixed(1)} s  (${n(ours.rows / ob)} rows/s), file ${(ours.bytes / 1e6).toFixed(1)} MB`);
  console.log(`  restore   ${or.toFixed(1)} s into an empty database incl. migrations (${n(ours.rows / or)} rows/s); ${orr.toFixed(1)} s into a migrated one`);
  console.log(`  peer      mariadb-dump | gzip ${pd.toFixed(1)} s, file ${(peer.bytes / 1e6).toFixed(1)} MB; mariadb restore ${pr.toFixed(1)} s`);
  console.log(
    `  ratio     (median of the rounds' own ratios; lower is better) backup ${median(ratio.backup).toFixed(2)}× the peer's time, ` +
      `restore ${median(ratio.restore).toFixed(2)}× incl. migrations (${median(ratio.restoreRows).toFixed(2)}× rows into a migrated database), size ${(ours.bytes / peer.bytes).toFixed(2)}×`,
  );
  console.log(`  checked   every included table's CHECKSUM TABLE equals the source's after each restore: ${problems.length ? "NO" : "yes"}`);
  return problems;
}

runBench("bench:backup", main, async () => {
  await dropBenchDatabase(base, SOURCE, values.keep);
  await dropBenchDatabase(base, TARGET, values.keep);
  await dropBenchDatabase(base, PEER_TARGET, values.keep);
});
