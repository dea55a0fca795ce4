import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "bullmq";
import { waitFor } from "@/server/audit/audit-test-fixtures";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { resetEnvCache } from "@/server/shared/env";
import { enqueue, getQueue } from "@/server/shared/queues";
import { createMailTenant } from "@/server/mail/mail-test-fixtures";
import { MAIL_LOG_RETENTION_PATTERN, MAIL_LOG_RETENTION_SCHEDULER, registerMailLogRetention, startMailLogRetentionWorker } from "@/workers/mail-log-retention.worker";
import { insertLines } from "./mail-log-test-fixtures";
import { purgeOldMailLog } from "./purge-old-mail-log";

// The retention job: lines received before now − MAIL_LOG_RETENTION_DAYS go, in batches by
// primary key; a line exactly at the edge, and everything after it, stays.

const NOW = new Date("2026-11-26T03:40:00.000Z");
const EDGE = new Date("2026-10-27T03:40:00.000Z"); // NOW − 30 days
const at = (ms: number) => new Date(EDGE.getTime() + ms);
let restoreClock: () => void;
let tenantId: string;

beforeAll(async () => {
  restoreClock = setClock(NOW);
  tenantId = (await createMailTenant()).tenant.id;
});
afterAll(() => {
  restoreClock();
  delete process.env.MAIL_LOG_RETENTION_DAYS;
  resetEnvCache();
});
afterEach(async () => {
  await db.messageEvent.deleteMany({});
  delete process.env.MAIL_LOG_RETENTION_DAYS;
  resetEnvCache();
});

const subjectsLeft = async () => (await db.messageEvent.findMany({ orderBy: { receivedAt: "asc" }, select: { subject: true } })).map((r) => r.subject);

describe("purgeOldMailLog", () => {
  it("deletes the lines before the edge, in batches, and keeps the edge and after", async () => {
    await insertLines([
      ...Array.from({ length: 11 }, (_, i) => ({ tenantId, subject: `old ${i}`, receivedAt: at(-1 - i * 3600_000) })),
      { tenantId, subject: "at the edge", receivedAt: at(0) },
      { tenantId, subject: "just after", receivedAt: at(1) },
      { tenantId, subject: "today", receivedAt: new Date(NOW.getTime() - 60_000) },
    ]);
    expect(await purgeOldMailLog({ batchSize: 4 })).toEqual({ cutoff: EDGE, deleted: 11, batches: 3 });
    expect(await subjectsLeft()).toEqual(["at the edge", "just after", "today"]);
    // Nothing left to do: a second run (a retry, the next day's tick) deletes nothing.
    expect(await purgeOldMailLog({ batchSize: 4 })).toEqual({ cutoff: EDGE, deleted: 0, batches: 0 });
  });

  it("follows MAIL_LOG_RETENTION_DAYS", async () => {
    process.env.MAIL_LOG_RETENTION_DAYS = "7";
    resetEnvCache();
    const week = new Date(NOW.getTime() - 7 * 24 * 3600_000);
    await insertLines([
      { tenantId, subject: "8 days", receivedAt: new Date(week.getTime() - 24 * 3600_000) },
      { tenantId, subject: "6 days", receivedAt: new Date(week.getTime() + 24 * 3600_000) },
    ]);
    expect((await purgeOldMailLog()).deleted).toBe(1);
    expect(await subjectsLeft()).toEqual(["6 days"]);
  });
});

describe("the retention worker", () => {
  let worker: Worker | undefined;
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  it("registers a daily scheduler whose id has no colon", async () => {
    await registerMailLogRetention();
    const schedulers = await getQueue("mailLogRetention").getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[MAIL_LOG_RETENTION_SCHEDULER, MAIL_LOG_RETENTION_PATTERN]]);
    expect(MAIL_LOG_RETENTION_SCHEDULER).not.toContain(":");
    await getQueue("mailLogRetention").removeJobScheduler(MAIL_LOG_RETENTION_SCHEDULER);
  });

  it("runs the purge when its job comes", async () => {
    await insertLines([
      { tenantId, subject: "old", receivedAt: at(-1) },
      { tenantId, subject: "new", receivedAt: at(1) },
    ]);
    worker = startMailLogRetentionWorker({ schedule: false });
    await enqueue("mailLogRetention", {}, "mail-log-retention-test");
    const result = await waitFor(async () => {
      const job = await getQueue("mailLogRetention").getJob("mail-log-retention-test");
      return job && (await job.getState()) === "completed" ? (job.returnvalue as { deleted: number }) : undefined;
    });
    expect(result.deleted).toBe(1);
    expect(await subjectsLeft()).toEqual(["new"]);
  });
});
