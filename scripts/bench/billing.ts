// `npm run bench:billing [-- --tenants N] [--chunk-size N] [--rounds N] [--keep]`: the monthly
// billing run over 100,000 generated tenants (issue 4). Goal: under 2 minutes on the project's
// 2-core machine, and an immediate re-run writes 0 entries. Builds its own database
// (mailstead_bench), runs the month three times, checks the counters against what the generated
// data implies, prints elapsed and tenants/s, and drops the database unless --keep.
import { parseArgs } from "node:util";
import os from "node:os";
import mysql from "mysql2/promise";
import { env, resetEnvCache } from "@/server/shared/env";
import { setClock } from "@/server/shared/clock";
import { db, disconnectDb } from "@/server/shared/db";
import { serverOptions, withDatabase } from "@/server/shared/migrations/connection";
import { dropBenchDatabase, freshBenchDatabase, runBench } from "./bench-db";
import { startBillingRun } from "@/server/billing/run/start-billing-run";
import { BILLING_RUN_CHUNK_SIZE, executeBillingRun } from "@/server/billing/run/execute-billing-run";
import type { BillingRunView } from "@/server/billing/run/billing-run.types";
import { generatePlatform, type Expected } from "./billing-data";

const DATABASE = "mailstead_bench";
const MONTH = "2026-12"; // a December: the remainder month, and one-year terms from 2025-12 renew
const NOW = new Date("2026-12-02T00:00:00Z"); // December has begun in every generated zone
const GOAL_S = 120;

const { values } = parseArgs({
  options: { tenants: { type: "string", default: "100000" }, "chunk-size": { type: "string" }, rounds: { type: "string", default: "1" }, keep: { type: "boolean", default: false } },
});
const tenants = Number(values.tenants);
const chunkSize = values["chunk-size"] ? Number(values["chunk-size"]) : BILLING_RUN_CHUNK_SIZE;
const rounds = Number(values.rounds);
if (![tenants, chunkSize, rounds].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("usage: npm run bench:billing [-- --tenants N] [--chunk-size N] [--rounds N] [--keep]");
  process.exit(1);
}

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

type Pass = { seconds: number; written: number; run: BillingRunView };

async function ledgerCount(): Promise<number> {
  return db.ledgerEntry.count();
}

async function pass(): Promise<Pass> {
  const before = await ledgerCount();
  const t0 = performance.now();
  const { run } = await startBillingRun({ month: MONTH, trigger: "bench" });
  const result = await executeBillingRun(run.id, { chunkSize });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, written: (await ledgerCount()) - before, run: result.run };
}

function check(first: Pass, exp: Expected): string[] {
  const r = first.run;
  const wrong: string[] = [];
  const want: [string, number, number][] = [
    ["tenants", r.processed, exp.candidates],
    ["charged", r.charged, exp.charged],
    ["charged amount", r.chargedAmount, exp.chargedAmount],
    ["suspended", r.suspended, exp.suspended],
    ["skipped", r.skipped, exp.skipped],
    ["resizes applied", r.resizesApplied, exp.resizesApplied],
    ["renewals", r.renewals, exp.renewals],
    ["entries written", first.written, exp.charged],
  ];
  for (const [name, got, expected] of want) if (got !== expected) wrong.push(`${name}: ${got}, expected ${expected}`);
  return wrong;
}

async function round(i: number, baseUrl: string): Promise<{ passes: Pass[]; problems: string[] }> {
  const url = await freshBenchDatabase(baseUrl, DATABASE);
  const conn = await mysql.createConnection({ ...serverOptions(url), database: DATABASE });
  const g0 = performance.now();
  const expected = await generatePlatform(conn, tenants, MONTH, NOW);
  await conn.end();
  console.log(`round ${i}: generated ${n(tenants)} tenants (${n(expected.candidates)} due) and ${n(await ledgerCount())} ledger entries in ${((performance.now() - g0) / 1000).toFixed(1)} s`);

  const passes: Pass[] = [];
  for (let p = 1; p <= 3; p++) {
    const result = await pass();
    passes.push(result);
    const r = result.run;
    console.log(
      `  run ${p}: ${result.seconds.toFixed(1)} s, ${n(r.processed / result.seconds)} tenants/s, ${n(result.written)} entries written ` +
        `(charged ${n(r.charged)}, suspended ${n(r.suspended)}, skipped ${n(r.skipped)}, resizes ${n(r.resizesApplied)}, renewals ${n(r.renewals)})`,
    );
  }
  const problems = check(passes[0]!, expected);
  for (const [p, result] of passes.entries()) if (p > 0 && result.written !== 0) problems.push(`run ${p + 1} wrote ${result.written} entries, expected 0`);
  return { passes, problems };
}

async function main(): Promise<string[]> {
  const baseUrl = env().DATABASE_URL;
  // The run's code reads the database from env(): point it at the bench database (a harness, like the test setup).
  process.env.DATABASE_URL = withDatabase(baseUrl, DATABASE);
  resetEnvCache();
  setClock(NOW);
  console.log(`bench:billing — ${n(tenants)} tenants, month ${MONTH}, chunks of ${n(chunkSize)}; ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  const firsts: number[] = [];
  const rates: number[] = [];
  const reruns: number[] = [];
  const problems: string[] = [];
  for (let i = 1; i <= rounds; i++) {
    const r = await round(i, baseUrl);
    firsts.push(r.passes[0]!.seconds);
    rates.push(r.passes[0]!.run.processed / r.passes[0]!.seconds);
    reruns.push(...r.passes.slice(1).map((p) => p.seconds));
    problems.push(...r.problems);
    if (i < rounds || !values.keep) await disconnectDb();
  }
  const first = median(firsts);
  console.log(
    `\nbilling run (charging): ${rounds > 1 ? `median of ${rounds} ` : ""}${first.toFixed(1)} s, ${n(median(rates))} tenants/s — ` +
      `${((first / GOAL_S) * 100).toFixed(0)} % of the ${GOAL_S} s goal (${(GOAL_S / first).toFixed(1)}× under it)`,
  );
  console.log(`immediate re-run: median ${median(reruns).toFixed(1)} s over ${reruns.length} re-runs, 0 entries written: ${problems.some((p) => p.includes("expected 0")) ? "NO" : "yes"}`);
  await dropBenchDatabase(baseUrl, DATABASE, values.keep);
  if (first > GOAL_S) problems.push(`the charging run took ${first.toFixed(1)} s, over the ${GOAL_S} s goal`);
  return problems;
}

runBench("bench:billing", main, disconnectDb);
