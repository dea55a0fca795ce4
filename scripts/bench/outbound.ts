// `npm run bench:outbound [-- --messages 10000] [--runs 3] [--domains 50] [--accept-seconds 8]
// [--accept-rounds 3] [--skip-accept] [--keep]` (issue 8):
// 1. Delivery: `messages` outbound messages (~2 KB, one outside recipient each, spread over
//    `domains` recipient domains whose MX is a local sink) are stored through the real store,
//    then dispatched and delivered by the relay's worker (in this process, OUTBOUND_CONCURRENCY
//    lanes, OUTBOUND_PER_DOMAIN per domain, sandbox DNS, opportunistic STARTTLS) to a sink that
//    accepts everything (smtp-server in its own process). Prints messages/s delivered per run
//    and their median, and checks at the sink that every Message-ID arrived exactly once.
// 2. Accept: the engine (workers/mail-engine.ts, its own process) started twice, MAIL_FILTERS=off
//    and on (rspamd + clamd must be running, as npm start runs them), under the same load
//    (scripts/bench/smtp/load-generator.ts); prints msg/s and the ratio on / off.
// Uses its own database, Redis database 8 (FLUSHDB'd) and a temporary directory; removes them.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { AddressInfo } from "node:net";
import type { Worker } from "bullmq";
import { publishToSandbox } from "@/server/dns/sandbox-records";
import { sandbox } from "@/server/dns/sandbox-records.types";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { dispatchMessages } from "@/server/mail/outbound/enqueue-outbound";
import { closeDomainSlots } from "@/server/mail/outbound/domain-slots";
import { commitMessage } from "@/server/mail/store/commit-message";
import { accountOf, incomingMessage, recipient } from "@/server/mail/store/incoming-message-fixture";
import { closeStorePool } from "@/server/mail/store/store-db";
import { flushSyncedMarks } from "@/server/mail/store/unsynced-marks";
import { installGreetingDelay } from "@/server/mail/smtp/greeting-delay";
import type { EngineServerOptions } from "@/server/mail/smtp/smtp-internals";
import { db, disconnectDb } from "@/server/shared/db";
import { env, resetEnvCache } from "@/server/shared/env";
import { closeQueues } from "@/server/shared/queues";
import { startOutboundDeliveryWorker } from "@/workers/outbound.worker";
import { dropBenchDatabase, freshBenchDatabase, runBench } from "./bench-db";
import { startEngine } from "./smtp/engine";
import { runLoad, type Cell } from "./smtp/matrix";
import { killScripts, stopChild } from "./smtp/processes";
import { BENCH_MAILBOX, seedBenchMailbox } from "./smtp/seed-bench-mailbox";
import { median } from "./smtp/stats";

const SINK_FLAG = "--sink";

/** The remote exchange: accepts everything, counts Message-IDs; "stats" on stdin prints them. */
async function runSink(): Promise<void> {
  const counts = new Map<string, number>();
  // smtp-server holds every greeting 100 ms (docs/engine.md); a remote MTA such as Postfix greets
  // at once, so the sink does too (the engine's own patch), or the bench would measure the pause.
  installGreetingDelay();
  const options: SMTPServerOptions & EngineServerOptions = {
    authOptional: true,
    logger: false,
    size: 0,
    greetingDelay: 0,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (c: Buffer) => {
        if (head.length < 4096) head += c.toString("latin1");
      });
      stream.on("end", () => {
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? "";
        counts.set(id, (counts.get(id) ?? 0) + 1);
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  console.log(JSON.stringify({ port: (server.server.address() as AddressInfo).port }));
  createInterface({ input: process.stdin }).on("line", (line) => {
    if (line.trim() !== "stats") return;
    const received = [...counts.values()].reduce((a, b) => a + b, 0);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    console.log(JSON.stringify({ received, distinct: counts.size, duplicates }));
  });
}


const DATABASE = "mailstead_bench_outbound";
const ACCEPT_DATABASE = "mailstead_bench_outbound_accept";
const REDIS_DB = 8;
const COMMIT_LANES = 50;
const SINK_HOST = "mx.sink.bench-remote.test";

type SinkStats = { received: number; distinct: number; duplicates: number };
type Sink = { port: number; stats(): Promise<SinkStats>; stop(): Promise<void> };

async function startSink(): Promise<Sink> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/bench/outbound.ts", SINK_FLAG], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((resolve) => waiting.push(resolve));
  const { port } = JSON.parse(await next()) as { port: number };
  return {
    port,
    stats: async () => {
      const line = next();
      child.stdin!.write("stats\n");
      return JSON.parse(await line) as SinkStats;
    },
    stop: () => stopChild(child, "SIGTERM", 5_000),
  };
}

const log = (s: string) => console.log(s);
let cleanupSteps: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    killScripts();
    for (const step of cleanupSteps.reverse()) await step().catch((e: unknown) => console.error("cleanup:", e));
    cleanupSteps = [];
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().then(() => process.exit(130)));

async function commitAll(box: { id: string; tenantId: string; address: string }, n: number, domains: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      const rcpt = `user${i}@d${i % domains}.bench-remote.test`;
      const msg = incomingMessage({ sender: accountOf(box), mailFrom: box.address, listener: "submission", bodyBytes: 1800, subject: `outbound bench ${tag} ${i}`, recipients: [recipient(rcpt, [], [rcpt], box.tenantId)] });
      await commitMessage(msg);
      ids.push(msg.id);
    }
  };
  await Promise.all(Array.from({ length: COMMIT_LANES }, lane));
  await flushSyncedMarks();
  return ids;
}

async function deliveryRun(ids: string[], sink: Sink, run: number): Promise<number> {
  const before = await sink.stats();
  const t0 = performance.now();
  const workers: Worker[] = [startOutboundDeliveryWorker()];
  for (let i = 0; i < ids.length; i += 1000) await dispatchMessages(ids.slice(i, i + 1000));
  const deadline = Date.now() + 15 * 60_000;
  let relayed = 0;
  for (;;) {
    const rows = await db.outboxItem.groupBy({ by: ["status"], where: { messageId: { in: ids } }, _count: { _all: true } });
    const by = Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
    relayed = by.relayed ?? 0;
    if (relayed + (by.bounced ?? 0) >= ids.length) break;
    if (Date.now() > deadline) throw new Error(`run ${run}: only ${relayed} of ${ids.length} relayed after 15 minutes (${JSON.stringify(by)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((w) => w.close()));
  const after = await sink.stats();
  const rate = ids.length / seconds;
  log(`  run ${run}: ${ids.length} messages in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} msg/s; sink +${after.received - before.received} received, duplicates so far ${after.duplicates}`);
  if (relayed !== ids.length) throw new Error(`run ${run}: ${ids.length - relayed} messages bounced`);
  if (after.received - before.received !== ids.length || after.duplicates !== 0) throw new Error(`run ${run}: the sink did not get every message exactly once (${JSON.stringify({ before, after })})`);
  return rate;
}

type AcceptResult = { filters: "off" | "on"; cell: string; msgPerSec: number[]; errors: number };

async function acceptRuns(base: string, dir: string, filters: "off" | "on", cells: Cell[], seconds: number, rounds: number): Promise<AcceptResult[]> {
  const url = await freshBenchDatabase(base, ACCEPT_DATABASE);
  process.env.MAIL_FILTERS = filters;
  // On this shared box the engine's own start-up health check (2 s) sometimes misses a busy
  // MariaDB; a second start is fair, a measurement of a half-started engine would not be.
  let engine: Awaited<ReturnType<typeof startEngine>> | undefined;
  for (let attempt = 1; !engine; attempt++) {
    try {
      engine = await startEngine(url, path.join(dir, `engine-${filters}-${attempt}`), log);
    } catch (e) {
      if (attempt >= 3) throw e;
      log(`  (the engine did not start: ${(e as Error).message.split("\n")[0]}; again)`);
      await freshBenchDatabase(base, ACCEPT_DATABASE);
    }
  }
  try {
    await runLoad(engine.port, { mode: "reuse", clients: 10 }, { seconds: 2, count: 1_000_000 }); // warm-up
    const out: AcceptResult[] = [];
    for (const cell of cells) {
      const res: AcceptResult = { filters, cell: `${cell.mode}/${cell.clients}`, msgPerSec: [], errors: 0 };
      for (let r = 0; r < rounds; r++) {
        const run = await runLoad(engine.port, cell, { seconds, count: 1_000_000 });
        res.msgPerSec.push(run.msgPerSec);
        res.errors += run.errors;
        if (run.firstError) log(`    (${filters} ${res.cell}: ${run.errors} errors, first: ${run.firstError})`);
      }
      log(`  MAIL_FILTERS=${filters} ${res.cell}: ${res.msgPerSec.join(", ")} msg/s`);
      out.push(res);
    }
    return out;
  } finally {
    await engine.stop();
    delete process.env.MAIL_FILTERS;
  }
}

async function main(): Promise<string[]> {
  const { values } = parseArgs({
    options: {
      messages: { type: "string", default: "10000" },
      runs: { type: "string", default: "3" },
      domains: { type: "string", default: "50" },
      "accept-seconds": { type: "string", default: "8" },
      "accept-rounds": { type: "string", default: "3" },
      "skip-accept": { type: "boolean", default: false },
      "skip-delivery": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  const [messages, runs, domains, acceptSeconds, acceptRounds] = [values.messages, values.runs, values.domains, values["accept-seconds"], values["accept-rounds"]].map(Number) as [number, number, number, number, number];
  if (![messages, runs, domains, acceptSeconds, acceptRounds].every((x) => Number.isInteger(x) && x > 0)) {
    console.error("usage: npm run bench:outbound [-- --messages 10000] [--runs 3] [--domains 50] [--accept-seconds 8] [--accept-rounds 3] [--skip-accept] [--skip-delivery] [--keep]");
    process.exit(1);
  }
  const problems: string[] = [];
  const base = env().DATABASE_URL;
  const dir = await mkdtemp(path.join(os.tmpdir(), "mailstead-bench-outbound-"));
  cleanupSteps.push(() => rm(dir, { recursive: true, force: true }));
  const redisUrl = `redis://127.0.0.1:6379/${REDIS_DB}`;
  const flush = async () => {
    const r = new Redis(redisUrl);
    await r.flushdb().finally(() => r.disconnect());
  };
  await flush();
  cleanupSteps.push(flush);
  Object.assign(process.env, { REDIS_URL: redisUrl, QUEUE_PREFIX: "bench_outbound", LOG_LEVEL: "warn" });
  resetEnvCache();

  if (!values["skip-delivery"]) {
    const url = await freshBenchDatabase(base, DATABASE);
    cleanupSteps.push(() => dropBenchDatabase(base, DATABASE, values.keep));
    const sink = await startSink();
    cleanupSteps.push(() => sink.stop());
    Object.assign(process.env, { DATABASE_URL: url, DATA_DIR: path.join(dir, "data"), OUTBOUND_SMTP_PORT: String(sink.port), OUTBOUND_PRIVATE_TARGETS: "allow", MAIL_HOSTNAME: "relay.bench.test" });
    resetEnvCache();
    cleanupSteps.push(async () => {
      await closeQueues();
      await closeDomainSlots();
      await closeStorePool();
      await disconnectDb();
    });
    await seedBenchMailbox(url);
    const box = await db.mailbox.findFirstOrThrow({ where: { address: BENCH_MAILBOX }, select: { id: true, tenantId: true, address: true } });
    await publishToSandbox([sandbox.a(SINK_HOST, "127.0.0.1"), ...Array.from({ length: domains }, (_, i) => sandbox.mx(`d${i}.bench-remote.test`, 10, SINK_HOST))]);
    const dns: SandboxServer = await startSandboxServer({ port: 0, pollMs: 60_000 });
    cleanupSteps.push(() => dns.close());
    Object.assign(process.env, { DNS_RESOLVERS: `127.0.0.1:${dns.port}` });
    resetEnvCache();
    const e = env();
    log(`delivery: ${messages} messages × ${runs} runs to ${domains} domains (MX → smtp-server sink on 127.0.0.1:${sink.port}, STARTTLS offered), OUTBOUND_CONCURRENCY=${e.OUTBOUND_CONCURRENCY}, OUTBOUND_PER_DOMAIN=${e.OUTBOUND_PER_DOMAIN}, ${os.cpus().length} cores`);
    const rates: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const t0 = performance.now();
      const ids = await commitAll(box, messages, domains, String(run));
      log(`  run ${run}: ${messages} messages stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      try {
        rates.push(await deliveryRun(ids, sink, run));
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
    if (rates.length) log(`delivered: median ${median(rates).toFixed(0)} msg/s (runs: ${rates.map((r) => r.toFixed(0)).join(", ")})`);
  }

  if (!values["skip-accept"]) {
    cleanupSteps.push(() => dropBenchDatabase(base, ACCEPT_DATABASE, values.keep));
    // The MX listener's SPF/DKIM/DMARC checks ask DNS for every message: without a resolver that
    // answers, each one waits for DNS_TIMEOUT_MS. The delivery part started the sandbox; alone
    // (--skip-delivery), this part starts its own (it answers NXDOMAIN for the bench's domains, as
    // a real resolver would for names that do not exist).
    if (!process.env.DNS_RESOLVERS) {
      const dns: SandboxServer = await startSandboxServer({ port: 0, pollMs: 60_000 });
      // The sandbox reads its zone through the shared Prisma client: closed with it, or its pool
      // keeps the process alive after the bench.
      cleanupSteps.push(async () => {
        await dns.close();
        await disconnectDb();
      });
      Object.assign(process.env, { DNS_RESOLVERS: `127.0.0.1:${dns.port}` });
      resetEnvCache();
    }
    const cells: Cell[] = [{ mode: "new", clients: 50 }, { mode: "reuse", clients: 10 }];
    log(`accept: the engine with MAIL_FILTERS=off, then on; ${acceptRounds} rounds of ${acceptSeconds} s per cell (load generator: ~2 KB messages to one local mailbox)`);
    const off = await acceptRuns(base, dir, "off", cells, acceptSeconds, acceptRounds);
    const on = await acceptRuns(base, dir, "on", cells, acceptSeconds, acceptRounds);
    for (const cell of cells) {
      const key = `${cell.mode}/${cell.clients}`;
      const a = off.find((r) => r.cell === key)!;
      const b = on.find((r) => r.cell === key)!;
      const ratio = median(b.msgPerSec) / median(a.msgPerSec);
      log(`  ${key}: off ${median(a.msgPerSec).toFixed(0)} msg/s, on ${median(b.msgPerSec).toFixed(0)} msg/s → on/off ${ratio.toFixed(2)}`);
      if (a.errors || b.errors) problems.push(`${key}: ${a.errors} errors with filters off, ${b.errors} with filters on`);
    }
  }
  return problems;
}

if (process.argv.includes(SINK_FLAG)) await runSink();
else runBench("bench:outbound", main, cleanup);
