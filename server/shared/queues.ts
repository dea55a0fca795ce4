import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";
import { env } from "./env";
import { createRedis } from "./redis";

// Every queue's name, payload schema and retry policy, in one place (architecture convention 5).
// Payloads carry ids only: a handler re-reads its rows, so a job can always be re-created from
// MariaDB if Redis loses it.
export const AUDIT_EXPORT_ATTEMPTS = 3;
export const AUDIT_EXPORT_BACKOFF_MS = 2_000;

export const BILLING_RUN_ATTEMPTS = 5;
export const BILLING_RUN_BACKOFF_MS = 5_000;

export const DOMAIN_CHECK_ATTEMPTS = 3;
export const DOMAIN_CHECK_BACKOFF_MS = 5_000;

const keepBriefly = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } };

export const queueDefs = {
  // One configuration backup (server/operations/backups): the daily repeatable job carries no
  // runId (it opens a scheduled run); the portal's "back up now" opens a manual BackupRun row
  // first and passes its id. One attempt: a failure is recorded on the row, and the next day's
  // run (or the operator's click) is the retry.
  configBackup: {
    name: "config-backup",
    payload: z.object({ runId: z.string().min(1).optional() }),
    options: { attempts: 1, ...keepBriefly } satisfies JobsOptions,
  },
  auditExport: {
    name: "audit-export",
    payload: z.object({ exportId: z.string().min(1) }),
    options: {
      attempts: AUDIT_EXPORT_ATTEMPTS,
      backoff: { type: "exponential", delay: AUDIT_EXPORT_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    } satisfies JobsOptions,
  },
  // One monthly billing run (a BillingRun row); retried jobs resume from the row's cursor.
  billingRun: {
    name: "billing-run",
    payload: z.object({ runId: z.string().min(1) }),
    options: {
      attempts: BILLING_RUN_ATTEMPTS,
      backoff: { type: "exponential", delay: BILLING_RUN_BACKOFF_MS },
      ...keepBriefly,
    } satisfies JobsOptions,
  },
  // Repeatable ticks: start the month's run when a tenant's month has begun; send balance
  // reminders; purge tenants whose frozen period ended. Each tick is idempotent.
  billingTick: {
    name: "billing-tick",
    payload: z.object({ task: z.enum(["monthly_run", "reminders", "purge"]) }),
    options: { attempts: 3, backoff: { type: "exponential", delay: 10_000 }, ...keepBriefly } satisfies JobsOptions,
  },
  // One scheduled DNS check of one domain (server/domains/reverify). The job id names the due
  // time it serves, so two ticks never queue the same check twice. A check that failed every
  // attempt is removed at once: its id is then free and the next tick (a minute later) retries,
  // where a kept failed job would block that domain's checks until it expired.
  domainCheck: {
    name: "domain-check",
    payload: z.object({ domainId: z.string().min(1) }),
    options: {
      attempts: DOMAIN_CHECK_ATTEMPTS,
      backoff: { type: "exponential", delay: DOMAIN_CHECK_BACKOFF_MS },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: true,
    } satisfies JobsOptions,
  },
  // Repeatable tick, every minute: queue a domainCheck job for every domain whose nextCheckAt has come.
  domainCheckTick: {
    name: "domain-check-tick",
    payload: z.object({}),
    options: { attempts: 1, ...keepBriefly } satisfies JobsOptions,
  },
  // Repeatable tick, daily: deletes delivery-log lines older than MAIL_LOG_RETENTION_DAYS
  // (server/mail/log/purge-old-mail-log). Idempotent: a retry deletes whatever is left.
  mailLogRetention: {
    name: "mail-log-retention",
    payload: z.object({}),
    options: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, ...keepBriefly } satisfies JobsOptions,
  },
  // Repeatable tick, daily: deletes login-log rows older than LOGIN_LOG_RETENTION_DAYS (at least
  // 30; server/auth/login-log/purge-old-login-log). Idempotent: a retry deletes whatever is left.
  loginLogRetention: {
    name: "login-log-retention",
    payload: z.object({}),
    options: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, ...keepBriefly } satisfies JobsOptions,
  },
  // Applies one validated CSV import (a MailboxImport row); progress and outcomes live on the row
  // and in its result file, and a retried job carries on where the last attempt stopped.
  mailboxImport: {
    name: "mailbox-import",
    payload: z.object({ importId: z.string().min(1) }),
    options: { attempts: 3, backoff: { type: "exponential", delay: 5_000 }, ...keepBriefly } satisfies JobsOptions,
  },
  // One outbox row's delivery attempt (server/mail/outbound). The row is the truth: the handler
  // claims it with a lease and does nothing when it is not due, so a duplicate job is harmless
  // and a lost one is re-created by the sweeper. Retries are the row's own schedule, not BullMQ's.
  outboundDelivery: {
    name: "outbound-delivery",
    payload: z.object({ outboxItemId: z.string().regex(/^\d+$/) }),
    options: { attempts: 1, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } } satisfies JobsOptions,
  },
  // Repeatable tick: re-enqueue due outbox rows, take back expired leases, send 4-hour warnings.
  outboundSweep: {
    name: "outbound-sweep",
    payload: z.object({}),
    options: { attempts: 1, ...keepBriefly } satisfies JobsOptions,
  },
  // Repeatable tick, hourly: delete quarantine entries past their 30 days.
  quarantineExpiry: {
    name: "quarantine-expiry",
    payload: z.object({}),
    options: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, ...keepBriefly } satisfies JobsOptions,
  },
  // Repeatable ticks of the SLA's storage (server/sla/rollups/sla-maintenance.ts): "tick" every 10
  // minutes (hourly roll-ups, seal and roll up finished days), "daily" (late latency, retention),
  // "close" (the SLA month close on the 1st and 2nd).
  // Each replaces whole windows, so a retry or a duplicate only repeats work.
  slaMaintenance: {
    name: "sla-maintenance",
    payload: z.object({ task: z.enum(["tick", "daily", "close"]) }),
    options: { attempts: 3, backoff: { type: "exponential", delay: 30_000 }, ...keepBriefly } satisfies JobsOptions,
  },
  // Sends one new mailbox its welcome letter; the mailbox's welcomeSentAt makes a retry a no-op.
  welcomeLetter: {
    name: "welcome-letter",
    payload: z.object({ mailboxId: z.string().min(1) }),
    options: { attempts: 8, backoff: { type: "exponential", delay: 30_000 }, ...keepBriefly } satisfies JobsOptions,
  },
} as const;

export type QueueKey = keyof typeof queueDefs;
export type Payload<K extends QueueKey> = z.infer<(typeof queueDefs)[K]["payload"]>;

type Held = { queue: Queue; connection: Redis };
const holder = globalThis as unknown as { __mailsteadQueues?: Map<string, Held> };

export function queuePrefix(): string {
  return `bull:${env().QUEUE_PREFIX}`;
}

export function getQueue<K extends QueueKey>(key: K): Queue {
  holder.__mailsteadQueues ??= new Map();
  const name = queueDefs[key].name;
  let held = holder.__mailsteadQueues.get(name);
  if (!held) {
    // BullMQ never closes a connection it is handed: closeQueues quits it.
    const connection = createRedis();
    held = { queue: new Queue(name, { connection, prefix: queuePrefix() }), connection };
    holder.__mailsteadQueues.set(name, held);
  }
  return held.queue;
}

/**
 * Validates the payload and adds the job. `jobId` makes the add idempotent: a retried request
 * with the same id does not enqueue twice.
 */
export async function enqueue<K extends QueueKey>(key: K, payload: Payload<K>, jobId: string) {
  const def = queueDefs[key];
  const data = def.payload.parse(payload);
  return getQueue(key).add(def.name, data, { ...def.options, jobId });
}

export async function closeQueues(): Promise<void> {
  const queues = [...(holder.__mailsteadQueues?.values() ?? [])];
  holder.__mailsteadQueues?.clear();
  await Promise.all(
    queues.map(async ({ queue, connection }) => {
      await queue.close();
      await connection.quit().catch(() => connection.disconnect());
    }),
  );
}
