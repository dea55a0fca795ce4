import type { Worker } from "bullmq";
import { countJobs } from "@/server/operations/monitoring/metrics/job-metrics";
import { touchMailMetrics } from "@/server/operations/monitoring/metrics/mail-metrics";
import { serveProcessMetrics } from "@/server/operations/monitoring/metrics/metrics-server";
import { env } from "@/server/shared/env";
import { waitForDependencies } from "@/server/shared/health";
import { logger } from "@/server/shared/logger";
import { queueDefs } from "@/server/shared/queues";
import { startAuditExportWorker } from "./audit-export.worker";
import { startConfigBackupWorker } from "./config-backup.worker";
import { startBillingRunWorker, startBillingTickWorker } from "./billing.worker";
import { startDomainCheckTickWorker, startDomainCheckWorker } from "./domain-check.worker";
import { startLoginLogRetentionWorker } from "./login-log-retention.worker";
import { startMailboxImportWorker } from "./mailbox-import.worker";
import { startMailLogRetentionWorker } from "./mail-log-retention.worker";
import { startQuarantineExpiryWorker } from "./quarantine-expiry.worker";
import { installShutdown } from "./shutdown";
import { startSlaMaintenanceWorker } from "./sla-maintenance.worker";
import { startOutboundDeliveryWorker, startOutboundSweepWorker } from "./outbound.worker";
import { startWelcomeLetterWorker } from "./welcome-letter.worker";

// `npm run workers`: every BullMQ worker of the platform in one process. Each later worker
// entry file adds one line here.
const WORKERS: { queue: string; start: () => Worker }[] = [
  { queue: queueDefs.auditExport.name, start: () => startAuditExportWorker() },
  // Also registers the daily configuration backup at BACKUP_CRON (docs/backups.md).
  { queue: queueDefs.configBackup.name, start: () => startConfigBackupWorker() },
  { queue: queueDefs.billingRun.name, start: () => startBillingRunWorker() },
  // Also registers the repeatable ticks (monthly run, reminders, purge) of workers/billing-tick-handlers.ts.
  { queue: queueDefs.billingTick.name, start: () => startBillingTickWorker() },
  { queue: queueDefs.domainCheck.name, start: () => startDomainCheckWorker() },
  // Also registers the re-verification tick (server/domains/reverify), every minute by default.
  { queue: queueDefs.domainCheckTick.name, start: () => startDomainCheckTickWorker() },
  // Also registers the daily purge of login-log rows past LOGIN_LOG_RETENTION_DAYS.
  { queue: queueDefs.loginLogRetention.name, start: () => startLoginLogRetentionWorker() },
  { queue: queueDefs.mailboxImport.name, start: () => startMailboxImportWorker() },
  // Also registers the daily purge of delivery-log lines past MAIL_LOG_RETENTION_DAYS.
  { queue: queueDefs.mailLogRetention.name, start: () => startMailLogRetentionWorker() },
  // Also registers the hourly expiry of quarantine entries (server/mail/quarantine/expire-quarantine.ts).
  { queue: queueDefs.quarantineExpiry.name, start: () => startQuarantineExpiryWorker() },
  { queue: queueDefs.welcomeLetter.name, start: () => startWelcomeLetterWorker() },
  // Also registers the SLA ticks: roll-ups and sealing every 10 minutes, sample retention daily.
  { queue: queueDefs.slaMaintenance.name, start: () => startSlaMaintenanceWorker() },
  { queue: queueDefs.outboundDelivery.name, start: () => startOutboundDeliveryWorker() },
  // Also registers the outbox sweep tick (OUTBOUND_SWEEP_SECONDS), and re-registers it should Redis lose it.
  { queue: queueDefs.outboundSweep.name, start: () => startOutboundSweepWorker() },
];

const log = logger("workers");

async function main(): Promise<void> {
  const health = await waitForDependencies(["mariadb", "redis"]);
  const down = Object.entries(health.checks).filter(([, state]) => !state.ok);
  if (down.length > 0) {
    for (const [name, state] of down) log.error(`${name} is not answering`, { error: state.error });
    log.error("start MariaDB and Redis first (npm start does it), then run the workers again");
    process.exit(1);
  }

  const workers: Worker[] = [];
  installShutdown(workers);
  for (const { queue, start } of WORKERS) {
    const worker = start();
    workers.push(worker);
    countJobs(worker, queue);
    await worker.waitUntilReady();
    log.info("worker started", { queue, concurrency: worker.opts.concurrency });
  }
  // GET /metrics with the job counters and the relay's attempts (docs/monitoring.md); never fatal.
  touchMailMetrics("workers");
  await serveProcessMetrics("workers", env().WORKERS_METRICS_HOST, env().WORKERS_METRICS_PORT, env().METRICS_TOKEN);
}

main().catch((e) => {
  log.error("workers failed to start", { error: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
