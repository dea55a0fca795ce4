// `npm run bench:smtp [-- --seconds N] [--rounds N] [--targets engine,postfix,haraka] [--keep]`:
// the mail engine against Postfix and Haraka (issue 7), in one run on one machine, with one load
// generator (scripts/bench/smtp/load-generator.ts, its own process, raw sockets, ~2 KB messages
// to bench@bench.test). Every target gets a new connection per message and reused connections,
// at 10 and 50 clients, `rounds` timed runs of `seconds` each (median, min–max, transaction
// p50/p99), after a warm-up. Then the end-to-end latency of the engine: 100 msg/s for 20 s
// through its MX, each message timed from its 250 until a POP3 client could RETR it. Prints the
// table and the goal ratios (engine ≥ 1.5× Postfix with new connections at 50 clients, ≥ Haraka
// with reused connections, end-to-end p99 < 1 s) and exits 1 when a goal is missed or a run lost
// messages. Needs root (Postfix). Cleans up everything it started: Postfix (`postfix -c DIR
// stop`), Haraka (SIGINT), the engine (SIGTERM), the bench database, the temporary directory.
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/server/shared/env";
import { dropBenchDatabase, freshBenchDatabase, runBench } from "./bench-db";
import { ENGINE_ENTRY, engineSettings, startEngine } from "./smtp/engine";
import { HARAKA_VERSION, startHaraka } from "./smtp/haraka";
import type { LatencyResult } from "./smtp/latency-probe";
import { fsyncCostMs, loadAverage, machineLine, mariadbVersion } from "./smtp/machine";
import { runMatrix, warmUp, type Cell, type Target } from "./smtp/matrix";
import { POSTFIX_SETTINGS, startPostfix } from "./smtp/postfix";
import { killScripts, runJsonScript } from "./smtp/processes";
import { markdownTable, textTable, throughputGoals } from "./smtp/report";
import { BENCH_MAILBOX, BENCH_PASSWORD } from "./smtp/seed-bench-mailbox";

const DATABASE = "mailstead_bench_smtp";
const E2E_GOAL_P99_MS = 1000;
const CLIENTS = [10, 50];
const CELLS: Cell[] = (["new", "reuse"] as const).flatMap((mode) => CLIENTS.map((clients) => ({ mode, clients })));

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "2" },
    "e2e-rate": { type: "string", default: "100" },
    "e2e-seconds": { type: "string", default: "20" },
    targets: { type: "string", default: "engine,postfix,haraka" },
    keep: { type: "boolean", default: false },
  },
});
const [seconds, rounds, warmupSeconds, e2eRate, e2eSeconds] = [values.seconds, values.rounds, values.warmup, values["e2e-rate"], values["e2e-seconds"]].map(Number) as [number, number, number, number, number];
const wanted = new Set(values.targets.split(","));
if (![seconds, rounds, warmupSeconds, e2eRate, e2eSeconds].every((x) => Number.isInteger(x) && x > 0) || [...wanted].some((t) => !["engine", "postfix", "haraka"].includes(t))) {
  console.error("usage: npm run bench:smtp [-- --seconds 5] [--rounds 3] [--warmup 2] [--e2e-rate 100] [--e2e-seconds 20] [--targets engine,postfix,haraka] [--keep]");
  process.exit(1);
}

const log = (s: string) => console.log(s);
type Running = Target & { stop(): Promise<void>; warnings?(): Promise<string[]> };
const running: Running[] = [];
let base: string | null = null;
let databaseMade = false;

let cleaning: Promise<void> | null = null;
/** Stops what the bench started, drops its database and removes its directory; once, whoever asks (the end of main, a signal). */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    killScripts();
    for (const t of running.splice(0).reverse()) await t.stop().catch((e) => console.error(`stopping ${t.name}:`, e));
    if (databaseMade) await dropBenchDatabase(env().DATABASE_URL, DATABASE, values.keep).catch((e) => console.error("dropping the bench database:", e));
    if (base) await rm(base, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping what the bench started…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function startTargets(dir: string, notes: string[]): Promise<{ engine?: string; postfix?: string; harakas: string[] }> {
  const names: { engine?: string; postfix?: string; harakas: string[] } = { harakas: [] };
  if (wanted.has("postfix")) {
    const pf = await startPostfix(dir, log);
    running.push({ ...pf, name: pf.version });
    names.postfix = pf.version;
    log(`${pf.version} on port ${pf.port}: ${POSTFIX_SETTINGS.join(", ")}`);
  }
  if (wanted.has("haraka")) {
    for (const nodes of ["cpus", "0"] as const) {
      const hk = await startHaraka(dir, nodes, log);
      const name = `Haraka ${HARAKA_VERSION} nodes=${nodes}`;
      running.push({ ...hk, name });
      names.harakas.push(name);
      log(`${name} on port ${hk.port}: fsync queue plugin, log level warn, no DNS plugins, rDNS answered locally`);
    }
  }
  if (wanted.has("engine")) {
    if (!existsSync(ENGINE_ENTRY)) {
      notes.push(`the engine was not measured: ${ENGINE_ENTRY} does not exist`);
    } else {
      const url = await freshBenchDatabase(env().DATABASE_URL, DATABASE);
      databaseMade = true;
      const en = await startEngine(url, path.join(dir, "engine"), log);
      running.push({ ...en, name: "Mailstead engine" });
      names.engine = "Mailstead engine";
      log(`Mailstead engine on port ${en.port}: ${Object.entries(engineSettings()).map(([k, v]) => `${k}=${v}`).join(", ")}`);
    }
  }
  return names;
}

/** The end-to-end probe against the engine; returns its summary lines (printed now and again under the table). */
async function endToEnd(problems: string[]): Promise<string[]> {
  const engine = running.find((t) => t.name === "Mailstead engine") as (Running & { ports?: { pop3s: number } }) | undefined;
  if (!engine?.ports) return [];
  log(`\nend-to-end: ${e2eRate} msg/s for ${e2eSeconds} s through the MX, each timed from its 250 until RETR over POP3S (${BENCH_MAILBOX})…`);
  try {
    const r = await runJsonScript<LatencyResult>(
      "latency-probe.ts",
      ["--mx-port", String(engine.port), "--pop3s-port", String(engine.ports.pop3s), "--user", BENCH_MAILBOX, "--password", BENCH_PASSWORD, "--rate", String(e2eRate), "--seconds", String(e2eSeconds)],
      (e2eSeconds + 60) * 1000,
    );
    const lines = [
      `end-to-end latency at ${e2eRate} msg/s (250 → readable over POP3): p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms — goal p99 < ${E2E_GOAL_P99_MS} ms: ${r.p99Ms < E2E_GOAL_P99_MS && r.missing === 0 ? "met" : "NOT met"}`,
      `  ${r.sent} sent, ${r.acked} got 250, ${r.seen} read back (${r.missing} missing, ${r.seenBeforeAck} already readable before the client had read the 250), send errors ${r.sendErrors}, poll errors ${r.pollErrors}${r.firstError ? ` (${r.firstError})` : ""}`,
      `  listed by UIDL: p50 ${r.listedP50Ms} ms, p99 ${r.listedP99Ms} ms after the 250; POP3 poll cycle (TLS, login, UIDL, RETR of new, QUIT) p50 ${r.pollCycleP50Ms} ms, p99 ${r.pollCycleP99Ms} ms — the resolution of the measurement; sender lag p99 ${r.sendLagP99Ms} ms; ${r.seconds} s`,
    ];
    for (const l of lines) log(l);
    if (r.missing > 0 || r.acked < r.sent) problems.push(`end-to-end: ${r.missing} of ${r.acked} accepted messages never became readable, ${r.sent - r.acked} not accepted`);
    if (!(r.p99Ms < E2E_GOAL_P99_MS)) problems.push(`end-to-end p99 ${r.p99Ms} ms is not under ${E2E_GOAL_P99_MS} ms`);
    return lines;
  } catch (e) {
    problems.push(`end-to-end probe failed: ${(e as Error).message}`);
    return [`end-to-end latency: not measured (${(e as Error).message.split("\n")[0]})`];
  }
}

async function main(): Promise<string[]> {
  const problems: string[] = [];
  const notes: string[] = [];
  if (process.getuid?.() !== 0 && wanted.has("postfix")) {
    throw new Error("bench:smtp needs root: it installs Debian's postfix if missing and runs a private Postfix instance (or pass --targets engine,haraka)");
  }
  base = await mkdtemp(path.join(os.tmpdir(), "mailstead-bench-smtp-"));
  await chmod(base, 0o755); // Postfix's users (postfix, nobody) traverse it to their directories
  log(`bench:smtp — ${machineLine()}, MariaDB ${await mariadbVersion(env().DATABASE_URL)}`);
  log(`load average before: ${loadAverage()}; write 2 KB + fsync file + fsync dir in ${base}: median ${(await fsyncCostMs(base)).toFixed(2)} ms`);
  log(`runs: ${rounds} × ${seconds} s per target and cell (interleaved), warm-up ${warmupSeconds} s per mode; ~2 KB messages, one recipient, no pipelining\n`);
  const names = await startTargets(base, notes);
  for (const t of running) {
    const ok = await warmUp(t, warmupSeconds);
    log(`warmed up ${t.name} (${ok} messages)`);
  }
  const e2e = names.engine ? await endToEnd(problems) : [];
  const before = new Map(await Promise.all(running.map(async (t) => [t.name, await t.delivered()] as const)));
  log("");
  const t0 = performance.now();
  const { result, accepted } = await runMatrix(running, CELLS, rounds, { seconds, count: 1_000_000_000 }, log);
  for (const t of running) {
    await t.settle();
    const stored = (await t.delivered()) - before.get(t.name)!;
    if (stored !== accepted.get(t.name)) problems.push(`${t.name}: ${accepted.get(t.name)} messages got 250 in the timed runs but ${stored} were delivered/stored`);
  }
  log(`\nmatrix took ${((performance.now() - t0) / 1000).toFixed(0)} s; load average after: ${loadAverage()}\n`);
  for (const line of textTable(result, CELLS)) log(line);
  log("");
  for (const [name, byCell] of result) for (const [cell, s] of byCell) if (s.errors) problems.push(`${name} ${cell}: ${s.errors} failed transactions`);
  if (names.engine) {
    const goals = throughputGoals(result, names.engine, names.postfix ?? "", names.harakas, CLIENTS);
    for (const g of goals) log(`${g.label} → ${g.text}\n    ${g.cpu}`);
    for (const g of goals.filter((x) => !x.met)) problems.push(`goal missed: ${g.label} → ${g.text}`);
    for (const l of e2e) log(l);
  }
  for (const t of running) {
    const warnings = (await t.warnings?.()) ?? [];
    if (warnings.length) log(`${t.name} logged ${warnings.length} warning/error lines; first: ${warnings[0]!.slice(0, 300)}`);
  }
  for (const note of notes) log(`NOTE: ${note}`);
  log("\nMarkdown (docs/benchmarks.md):");
  for (const line of markdownTable(result, CELLS)) log(line);
  return problems;
}

runBench("bench:smtp", main, cleanup);
