import type { Worker } from "bullmq";
import { closeQueues } from "@/server/shared/queues";
import { disconnectDb } from "@/server/shared/db";
import { closeMailer } from "@/server/shared/mailer";
import { logger } from "@/server/shared/logger";

const log = logger("workers");

/** A second signal sooner than this is the same Ctrl-C reaching us twice (terminal + start script). */
const SECOND_SIGNAL_GRACE_MS = 1_000;

/** Lets each worker finish its current job (close() waits for it), then closes connections. */
export async function shutdownWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.close()));
  await closeQueues();
  closeMailer();
  await disconnectDb();
}

type SignalSource = { on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown };

/**
 * SIGTERM / SIGINT: stop taking jobs, finish the running ones, close, exit 0. A second signal
 * exits at once; the interrupted job's lock then expires and BullMQ runs it again (handlers
 * are idempotent). `signals` and `exit` are parameters so a test can drive this.
 */
export function installShutdown(
  workers: Worker[],
  { signals = process, exit = (code: number) => process.exit(code) }: { signals?: SignalSource; exit?: (code: number) => void } = {},
): void {
  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt !== null) {
      if (performance.now() - firstAt < SECOND_SIGNAL_GRACE_MS) return;
      log.warn("second signal: exiting without waiting for running jobs", { signal });
      exit(1);
      return;
    }
    firstAt = performance.now();
    log.info("stopping: finishing running jobs", { signal, workers: workers.map((w) => w.name) });
    shutdownWorkers(workers).then(
      () => {
        log.info("workers stopped");
        exit(0);
      },
      (e) => {
        log.error("shutdown failed", { error: String(e) });
        exit(1);
      },
    );
  };
  for (const signal of ["SIGTERM", "SIGINT"] as const) signals.on(signal, onSignal);
}
