import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Worker } from "bullmq";
import { waitFor } from "@/server/audit/audit-test-fixtures";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { resetEnvCache } from "@/server/shared/env";
import { enqueue, getQueue } from "@/server/shared/queues";
import { LOGIN_LOG_RETENTION_PATTERN, LOGIN_LOG_RETENTION_SCHEDULER, registerLoginLogRetention, startLoginLogRetentionWorker } from "@/workers/login-log-retention.worker";
import { daysAgo, insertLogins } from "./login-log-test-fixtures";
import { purgeOldLoginLog } from "./purge-old-login-log";

// The login log's retention: rows older than LOGIN_LOG_RETENTION_DAYS go, in batches; the table
// refuses to delete rows younger than 30 days (a trigger on the database's own clock), and the
// purge never asks it to. Rows are dated against the real time because the trigger uses it.

const emailsLeft = async () => (await db.loginEvent.findMany({ orderBy: { occurredAt: "asc" }, select: { email: true } })).map((r) => r.email);

afterEach(async () => {
  await db.$executeRaw`DELETE FROM LoginEvent WHERE occurredAt < UTC_TIMESTAMP(3) - INTERVAL 30 DAY`;
  delete process.env.LOGIN_LOG_RETENTION_DAYS;
  resetEnvCache();
});
afterAll(() => {
  delete process.env.LOGIN_LOG_RETENTION_DAYS;
  resetEnvCache();
});

describe("purgeOldLoginLog", () => {
  it("with 30 days kept, deletes a 40-day-old row in batches and keeps a 20-day-old one", async () => {
    process.env.LOGIN_LOG_RETENTION_DAYS = "30";
    resetEnvCache();
    await insertLogins([
      ...Array.from({ length: 5 }, (_, i) => ({ email: `old${i}@example.test`, occurredAt: daysAgo(40 + i) })),
      { email: "twenty@example.test", occurredAt: daysAgo(20) },
      { email: "today@example.test" },
    ]);
    const outcome = await purgeOldLoginLog({ batchSize: 2 });
    expect(outcome).toMatchObject({ deleted: 5, batches: 3 });
    expect(await emailsLeft()).toEqual(["twenty@example.test", "today@example.test"]);
    // A retry (or tomorrow's run) has nothing left to do.
    expect((await purgeOldLoginLog()).deleted).toBe(0);
  });

  it("keeps 90 days by default", async () => {
    await insertLogins([
      { email: "d100@example.test", occurredAt: daysAgo(100) },
      { email: "d60@example.test", occurredAt: daysAgo(60) },
    ]);
    expect((await purgeOldLoginLog()).deleted).toBe(1);
    expect(await emailsLeft()).toContain("d60@example.test");
    expect(await emailsLeft()).not.toContain("d100@example.test");
  });

  it("never asks the table to delete a row inside its 30-day floor, even with a clock run ahead", async () => {
    process.env.LOGIN_LOG_RETENTION_DAYS = "30";
    resetEnvCache();
    await insertLogins([{ email: "recent@example.test", occurredAt: daysAgo(10) }]);
    const restore = setClock(daysAgo(-60)); // the application clock 60 days in the future
    try {
      expect((await purgeOldLoginLog()).deleted).toBe(0);
    } finally {
      restore();
    }
    expect(await emailsLeft()).toContain("recent@example.test");
  });

  it("the table itself refuses to delete a young row", async () => {
    await insertLogins([{ email: "young@example.test", occurredAt: daysAgo(29) }]);
    await expect(db.loginEvent.deleteMany({ where: { email: "young@example.test" } })).rejects.toThrow(/append-only/);
  });

  it("refuses a retention shorter than 30 days in the configuration", async () => {
    process.env.LOGIN_LOG_RETENTION_DAYS = "7";
    resetEnvCache();
    await expect(purgeOldLoginLog()).rejects.toThrow(/at least 30 days/);
  });
});

describe("the retention worker", () => {
  let worker: Worker | undefined;
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  it("registers a daily scheduler whose id has no colon", async () => {
    await registerLoginLogRetention();
    const schedulers = await getQueue("loginLogRetention").getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[LOGIN_LOG_RETENTION_SCHEDULER, LOGIN_LOG_RETENTION_PATTERN]]);
    expect(LOGIN_LOG_RETENTION_SCHEDULER).not.toContain(":");
    await getQueue("loginLogRetention").removeJobScheduler(LOGIN_LOG_RETENTION_SCHEDULER);
  });

  it("runs the purge when its job comes", async () => {
    await insertLogins([
      { email: "gone@example.test", occurredAt: daysAgo(120) },
      { email: "kept@example.test", occurredAt: daysAgo(1) },
    ]);
    worker = startLoginLogRetentionWorker({ schedule: false });
    await enqueue("loginLogRetention", {}, "login-log-retention-test");
    const result = await waitFor(async () => {
      const job = await getQueue("loginLogRetention").getJob("login-log-retention-test");
      return job && (await job.getState()) === "completed" ? (job.returnvalue as { deleted: number }) : undefined;
    });
    expect(result.deleted).toBe(1);
    expect(await emailsLeft()).toContain("kept@example.test");
  });
});
