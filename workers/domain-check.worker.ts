import { UnrecoverableError, Worker, type Job } from "bullmq";
import { getQueue, queueDefs, queuePrefix } from "@/server/shared/queues";
import { createRedis } from "@/server/shared/redis";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { checkDueDomain, type DueCheckOutcome } from "@/server/domains/reverify/check-due-domain";
import { enqueueDueDomains, type EnqueueDueResult } from "@/server/domains/reverify/enqueue-due-domains";

const log = logger("worker.domain-check");

/**
 * Checks in flight per worker process. Against real resolvers a check mostly waits: a dozen
 * queries per resolver, each taking a network round trip, or up to DNS_TIMEOUT_MS when a resolver
 * or a customer's nameserver is slow, so one process should overlap many. 20 lanes bound the open
 * sockets and the burst of database work (the Prisma pool holds 10 connections; a check uses one
 * only for its short reads and final write). Against the local sandbox a check is CPU-bound
 * instead, and there 20 lanes measured best (5: 96, 20: 120, 50: 112 domains/s; 10,000 domains
 * in ~86 s against the 2-minute goal: docs/benchmarks.md).
 */
export const DOMAIN_CHECK_CONCURRENCY = 20;

// The name predates the configurable interval; kept so an upgraded Redis holds one scheduler, not two.
export const DOMAIN_CHECK_TICK_SCHEDULER = "domain-check-tick:every-minute";
/**
 * Every DOMAIN_CHECK_TICK_SECONDS (default a minute: a new domain's checks come every 10 minutes,
 * so a minute's delay is noise; the e2e server ticks every few seconds).
 */
export const domainCheckTickEveryMs = () => env().DOMAIN_CHECK_TICK_SECONDS * 1000;

function startWorker(name: string, handler: (job: Job) => Promise<unknown>, concurrency: number): Worker {
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(name, handler, { connection, prefix: queuePrefix(), concurrency });
  worker.on("failed", (job, err) => log.warn("job attempt failed", { queue: name, jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message }));
  worker.on("error", (err) => log.error("worker error", { queue: name, error: err.message }));
  worker.on("closed", () => {
    connection.quit().catch(() => connection.disconnect());
  });
  return worker;
}

async function processCheckJob(job: Job): Promise<DueCheckOutcome> {
  const payload = queueDefs.domainCheck.payload.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError(`invalid domain-check payload: ${payload.error.message}`);
  return checkDueDomain(payload.data.domainId);
}

/** Runs the scheduled DNS checks, DOMAIN_CHECK_CONCURRENCY at a time (`concurrency` for tests and the bench). */
export function startDomainCheckWorker(opts: { concurrency?: number } = {}): Worker {
  return startWorker(queueDefs.domainCheck.name, processCheckJob, opts.concurrency ?? DOMAIN_CHECK_CONCURRENCY);
}

/** Registers (or updates) the tick; safe to call at every start. */
export async function registerDomainCheckTick(): Promise<void> {
  const def = queueDefs.domainCheckTick;
  await getQueue("domainCheckTick").upsertJobScheduler(
    DOMAIN_CHECK_TICK_SCHEDULER,
    { every: domainCheckTickEveryMs() },
    { name: def.name, data: def.payload.parse({}), opts: { attempts: def.options.attempts, removeOnComplete: def.options.removeOnComplete, removeOnFail: def.options.removeOnFail } },
  );
}

/** The tick worker (one tick at a time); with `schedule` (the default) it also registers the tick. */
export function startDomainCheckTickWorker(opts: { schedule?: boolean } = {}): Worker {
  const worker = startWorker(queueDefs.domainCheckTick.name, (): Promise<EnqueueDueResult> => enqueueDueDomains(), 1);
  if (opts.schedule ?? true) {
    registerDomainCheckTick().then(
      () => log.info("domain check tick scheduled", { everyMs: domainCheckTickEveryMs() }),
      (e) => log.error("could not schedule the domain check tick", { error: String(e) }),
    );
  }
  return worker;
}
