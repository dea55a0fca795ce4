import { startEngine } from "@/server/mail/engine";
import { touchMailMetrics } from "@/server/operations/monitoring/metrics/mail-metrics";
import { serveProcessMetrics } from "@/server/operations/monitoring/metrics/metrics-server";
import { env } from "@/server/shared/env";
import { waitForDependencies } from "@/server/shared/health";
import { logger } from "@/server/shared/logger";

// `npm run mail` (and npm start's "mail" process): the SMTP and POP3 listeners. Needs MariaDB
// only (Redis is the outbound worker's). SIGTERM / SIGINT drain (421 4.3.2 to new clients,
// sessions finish their transaction) and exit 0; a second signal exits at once.

const log = logger("mail.engine");
const SECOND_SIGNAL_GRACE_MS = 1_000;

async function main(): Promise<void> {
  const { mariadb } = (await waitForDependencies(["mariadb"])).checks;
  if (!mariadb.ok) {
    log.error("mariadb is not answering: start it first (npm start does it), then run the mail engine again", { error: mariadb.error });
    process.exit(1);
  }
  const engine = await startEngine();
  // GET /metrics with the engine's counters (docs/monitoring.md); a failure to listen is logged, never fatal.
  touchMailMetrics("mail");
  const metrics = await serveProcessMetrics("mail", env().ENGINE_METRICS_HOST, env().ENGINE_METRICS_PORT, env().METRICS_TOKEN);
  // Written whatever LOG_LEVEL is: the start script, the crash test and other tests wait for
  // this line and read the ports from it (ports may be 0 in the environment → chosen by the OS).
  process.stdout.write(JSON.stringify({ t: new Date().toISOString(), level: "info", scope: "mail.engine", msg: "engine listening", ports: engine.ports }) + "\n");

  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt !== null) {
      if (performance.now() - firstAt < SECOND_SIGNAL_GRACE_MS) return; // one Ctrl-C seen twice (terminal + supervisor)
      log.warn("second signal: exiting without draining", { signal });
      process.exit(1);
    }
    firstAt = performance.now();
    log.info("stopping: draining sessions", { signal });
    void metrics?.close();
    engine.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error("engine stop failed", { error: e instanceof Error ? e.message : String(e) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

main().catch((e: unknown) => {
  log.error("mail engine failed to start", { error: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
