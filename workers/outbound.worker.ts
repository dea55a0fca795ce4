import { UnrecoverableError, Worker, type Job } from "bullmq";
import { getQueue, queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { deliverOutboxItem, type DeliveryOutcome } from "@/server/mail/outbound/deliver-outbox-item";
import { closeDomainSlots } from "@/server/mail/outbound/domain-slots";
import { sweepOutbox, type SweepResult } from "@/server/mail/outbound/sweep-outbox";

// The outbound relay (issue 8): delivery jobs, one outbox row each, OUTBOUND_CONCURRENCY at a
// time per process (each mostly waits on a remote server), and the sweeper tick that makes
// Redis disposable. All rules live in server/mail/outbound; docs/outbound.md has the design.

const log = logger("worker.outbound");

/** The sweeper's scheduler id (no ":" — BullMQ builds job ids from it). */
export const OUTBOUND_SWEEP_SCHEDULER = "outbound-sweep-tick";

function startWorker(name: string, handler: (job: Job) => Promise<unknown>, concurrency: number, onClosed?: () => Promise<void>): Worker {
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(name, handler, { connection, prefix: queuePrefix(), concurrency });
  worker.on("failed", (job, err) => log.warn("job failed", { queue: name, jobId: job?.id, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { queue: name, error: err.message }));
  // BullMQ never closes a connection it was handed, so this one goes here.
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
    void onClosed?.();
  });
  return worker;
}

async function processDelivery(job: Job): Promise<DeliveryOutcome | "error"> {
  const payload = queueDefs.outboundDelivery.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid outbound-delivery payload: ${payload.error.message}`);
  try {
    return await deliverOutboxItem(BigInt(payload.data.outboxItemId));
  } catch (e) {
    // Never fail the job: a failed job is kept (and its id taken) for a day, while the row —
    // unchanged, or handed back — is due again and the sweeper must be free to re-dispatch it.
    log.error("delivery job error; the sweeper retries the row", { outboxItemId: payload.data.outboxItemId, error: e instanceof Error ? e.message : String(e) });
    return "error";
  }
}

/** Delivers outbox rows; `concurrency` for tests and the bench (default OUTBOUND_CONCURRENCY). */
export function startOutboundDeliveryWorker(opts: { concurrency?: number } = {}): Worker {
  return startWorker(queueDefs.outboundDelivery.name, processDelivery, opts.concurrency ?? env().OUTBOUND_CONCURRENCY, closeDomainSlots);
}

export const outboundSweepEveryMs = () => env().OUTBOUND_SWEEP_SECONDS * 1000;

/** Registers (or updates) the sweeper tick; safe to call at every start. */
export async function registerOutboundSweep(): Promise<void> {
  const def = queueDefs.outboundSweep;
  await getQueue("outboundSweep").upsertJobScheduler(
    OUTBOUND_SWEEP_SCHEDULER,
    { every: outboundSweepEveryMs() },
    { name: def.name, data: def.payload.parse({}), opts: { attempts: def.options.attempts, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
  );
}

/**
 * The tick itself lives in Redis, so a flushed or restarted Redis would lose it together with
 * the jobs it exists to re-create: the worker registers it again this often (an upsert, so a
 * no-op while it is there).
 */
export const SWEEP_SCHEDULE_REFRESH_MS = 60_000;

/** The sweeper (one tick at a time); with `schedule` (the default) it also registers the tick, and keeps it registered. */
export function startOutboundSweepWorker(opts: { schedule?: boolean; refreshMs?: number } = {}): Worker {
  let refresh: NodeJS.Timeout | undefined;
  const worker = startWorker(queueDefs.outboundSweep.name, (): Promise<SweepResult> => sweepOutbox(), 1, async () => clearInterval(refresh));
  if (opts.schedule ?? true) {
    const register = () =>
      registerOutboundSweep().catch((e: unknown) => log.error("could not schedule the outbound sweep", { error: String(e) }));
    void register().then(() => log.info("outbound sweep scheduled", { everyMs: outboundSweepEveryMs() }));
    refresh = setInterval(() => void register(), opts.refreshMs ?? SWEEP_SCHEDULE_REFRESH_MS);
    refresh.unref();
    worker.on("closing", () => clearInterval(refresh));
  }
  return worker;
}
