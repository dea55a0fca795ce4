import type { Worker } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "@/server/audit/audit-test-fixtures";
import { createMailbox, createMailTenant, scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { expungeMessages } from "@/server/mail/store/expunge-messages";
import { closeStorePool } from "@/server/mail/store/store-db";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { enqueue, getQueue } from "@/server/shared/queues";
import { QUARANTINE_EXPIRY_PATTERN, QUARANTINE_EXPIRY_SCHEDULER, registerQuarantineExpiry, startQuarantineExpiryWorker } from "@/workers/quarantine-expiry.worker";
import { holdMessage } from "./quarantine-test-fixtures";
import { releaseQuarantinedMessage } from "./release-quarantined-message";

let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let box: Awaited<ReturnType<typeof createMailbox>>;
let other: Awaited<ReturnType<typeof createMailbox>>;

beforeAll(async () => {
  scratch = await scratchDataDir();
  process.env.RSPAMD_CONTROLLER_URL = "http://127.0.0.1:9";
  process.env.SPAMD_PORT = "9";
  resetEnvCache();
  const t = await createMailTenant();
  [box, other] = await Promise.all([createMailbox(t), createMailbox(t)]);
});
afterAll(async () => {
  await closeStorePool();
  await scratch.cleanup();
});

describe("the quarantine expiry worker", () => {
  let worker: Worker | undefined;
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  it("registers an hourly scheduler whose id has no colon", async () => {
    await registerQuarantineExpiry();
    const schedulers = await getQueue("quarantineExpiry").getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[QUARANTINE_EXPIRY_SCHEDULER, QUARANTINE_EXPIRY_PATTERN]]);
    expect(QUARANTINE_EXPIRY_SCHEDULER).not.toContain(":");
    await getQueue("quarantineExpiry").removeJobScheduler(QUARANTINE_EXPIRY_SCHEDULER);
  });

  it("runs the expiry when its job comes", async () => {
    const old = await holdMessage([box], { receivedAt: new Date(Date.now() - 40 * 86_400_000) });
    worker = startQuarantineExpiryWorker({ schedule: false });
    await enqueue("quarantineExpiry", {}, "quarantine-expiry-test");
    const result = await waitFor(async () => {
      const job = await getQueue("quarantineExpiry").getJob("quarantine-expiry-test");
      return job && (await job.getState()) === "completed" ? (job.returnvalue as { expired: number }) : undefined;
    });
    expect(result.expired).toBe(1);
    expect(await db.mailMessage.count({ where: { id: old.msg.id } })).toBe(0);
  });
});

describe("a quarantine entry keeps its message", () => {
  it("a POP3 expunge of the released copy keeps the message while another mailbox's entry holds it", async () => {
    const held = await holdMessage([box, other]);
    await releaseQuarantinedMessage({ id: null, email: "admin@corp.example", role: "tenant_admin", tenantId: null, ip: null }, { tenantId: box.tenantId }, held.idOf(box));
    await db.quarantineItem.delete({ where: { id: BigInt(held.idOf(box)) } });
    const copy = await db.storedMessage.findUniqueOrThrow({ where: { mailboxId_messageId: { mailboxId: box.id, messageId: held.msg.id } } });
    expect(await expungeMessages(box.id, [copy.id])).toBe(1);
    expect(await db.mailMessage.count({ where: { id: held.msg.id } })).toBe(1);
  });
});
