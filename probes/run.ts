import { waitForDependencies } from "@/server/shared/health";
import { disconnectDb } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { probeConfig } from "@/server/sla/probes/probe-config";
import { ensureProbeMailbox } from "@/server/sla/probes/probe-mailbox";
import { recordRun, type ProbeRun } from "@/server/sla/probes/record-run";
import { every, type Schedule } from "@/server/sla/probes/schedule";
import { createSampleWriter } from "@/server/sla/samples/write-samples";
import { latencyRun } from "./latency.probe";
import { spamRuns } from "./spam.probe";
import { uptimeRuns } from "./uptime.probe";

// `npm start`'s "probes" process (scripts/processes.ts): every probe on its own schedule, never
// overlapping itself, samples through one batching writer. SIGTERM stops the schedules, waits for
// the runs in flight, flushes the writer and exits.

const log = logger("sla.probes");

async function main(): Promise<void> {
  const health = await waitForDependencies(["mariadb"]);
  if (!health.checks.mariadb.ok) {
    log.error("MariaDB is not answering: start it first (npm start does)", { error: health.checks.mariadb.error });
    process.exit(1);
  }
  const config = probeConfig();
  const box = await ensureProbeMailbox();
  if (box.repaired.length > 0) log.info("probe mailbox provisioned", { address: box.address, repaired: box.repaired });
  const writer = createSampleWriter();
  const record = (p: ProbeRun) => () => recordRun(writer, config.location, p);
  // The first runs wait one interval: npm start launches the engine and the portal alongside the
  // probes, and a listener still starting is not an outage the customer had.
  const first = config.intervalMs;
  const schedules: Schedule[] = [
    ...uptimeRuns(config, box).map((p) => every(`${p.probe} ${p.target}`, config.intervalMs, record(p), first)),
    every("e2e", config.intervalMs, record(latencyRun(config, box)), first),
    // The labelled samples of a run one after the other: they share the probe mailbox.
    every(
      "labelled",
      config.spamIntervalMs,
      async () => {
        for (const p of spamRuns(config, box)) await record(p)();
      },
      first,
    ),
  ];
  log.info("probes running", { location: config.location, intervalSeconds: config.intervalMs / 1000, spamIntervalSeconds: config.spamIntervalMs / 1000 });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping probes", { signal });
    await Promise.all(schedules.map((s) => s.stop()));
    await writer.close();
    await disconnectDb();
    log.info("probes stopped", writer.stats());
    process.exit(0);
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void stop(signal));
}

main().catch((e) => {
  log.error("probes failed to start", { error: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
