import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { publishToSandbox } from "@/server/dns/sandbox-records";
import { sandbox } from "@/server/dns/sandbox-records.types";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { createMailbox, createMailTenant, scratchDataDir } from "@/server/mail/mail-test-fixtures";
import { closeStorePool } from "@/server/mail/store/store-db";
import { db } from "@/server/shared/db";
import { startOutboundDeliveryWorker, startOutboundSweepWorker } from "@/workers/outbound.worker";
import { closeDomainSlots } from "./domain-slots";
import { dispatchRows, enqueueOutbound } from "./enqueue-outbound";
import { queueOutbound, setEnv, startRemoteMx, type RemoteMx } from "./outbound-test-helpers";
import { sweepOutbox } from "./sweep-outbox";

// The relay through BullMQ: real workers, real Redis — a database number of this file's own
// (7), so FLUSHDB can play "Redis lost everything" without touching anyone else's keys.

const REDIS_DB = 7;
let dns: SandboxServer;
let scratch: Awaited<ReturnType<typeof scratchDataDir>>;
let alice: Awaited<ReturnType<typeof createMailbox>>;
const sinks: RemoteMx[] = [];
const workers: Worker[] = [];

beforeAll(async () => {
  setEnv({ REDIS_URL: `redis://127.0.0.1:6379/${REDIS_DB}` });
  scratch = await scratchDataDir();
  dns = await startSandboxServer({ port: 0, pollMs: 60_000 });
  setEnv({ DNS_RESOLVERS: `127.0.0.1:${dns.port}`, DNS_TIMEOUT_MS: 1000, OUTBOUND_TIMEOUT_SECONDS: 5, OUTBOUND_SWEEP_SECONDS: 1, MAIL_HOSTNAME: "mx.mailstead.test" });
  alice = await createMailbox(await createMailTenant());
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

afterAll(async () => {
  await dns?.close();
  await closeDomainSlots();
  await closeStorePool();
  await scratch?.cleanup();
});

async function remoteDomain(delayMs = 0) {
  const domain = `w${randomUUID().slice(0, 8)}.example`;
  const mx = await startRemoteMx({ delayMs });
  sinks.push(mx);
  setEnv({ OUTBOUND_SMTP_PORT: mx.port });
  await publishToSandbox([sandbox.mx(domain, 10, `mx.${domain}`), sandbox.a(`mx.${domain}`, "127.0.0.1")]);
  await dns.reload();
  return { domain, mx };
}

async function queueMany(n: number, domain: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await queueOutbound(alice, [`user${i}@${domain}`])).msg.id);
  return ids;
}

async function waitAllRelayed(messageIds: string[], timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = await db.outboxItem.count({ where: { messageId: { in: messageIds }, status: { not: "relayed" } } });
    if (left === 0) return;
    if (Date.now() > until) throw new Error(`${left} of ${messageIds.length} rows not relayed`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every message arrived exactly once, by Message-ID. */
function expectExactlyOnce(mx: RemoteMx, messageIds: string[]) {
  const counts = mx.countByMessageId();
  expect([...counts.values()].filter((c) => c !== 1)).toEqual([]);
  expect(new Set(counts.keys())).toEqual(new Set(messageIds.map((id) => `<${id}@outside.example>`)));
}

describe("outbound workers", () => {
  it("delivers once however many jobs name the row", async () => {
    const { domain, mx } = await remoteDomain(100);
    const [id] = await queueMany(1, domain);
    const row = await db.outboxItem.findFirstOrThrow({ where: { messageId: id } });
    enqueueOutbound([id!]);
    await Promise.all(["-a", "-b", "-c", "-d"].map((suffix) => dispatchRows([row], suffix)));
    workers.push(startOutboundDeliveryWorker({ concurrency: 5 }));
    await waitAllRelayed([id!]);
    await new Promise((r) => setTimeout(r, 500)); // let any straggler job run
    expectExactlyOnce(mx, [id!]);
    expect(await db.deliveryAttempt.count({ where: { outboxItemId: row.id } })).toBe(1);
  });

  it("never holds more sessions to one domain than OUTBOUND_PER_DOMAIN", async () => {
    setEnv({ OUTBOUND_PER_DOMAIN: 2 });
    try {
      const { domain, mx } = await remoteDomain(150);
      const ids = await queueMany(8, domain);
      workers.push(startOutboundDeliveryWorker({ concurrency: 8 }), startOutboundDeliveryWorker({ concurrency: 8 }));
      enqueueOutbound(ids);
      await waitAllRelayed(ids);
      expectExactlyOnce(mx, ids);
      expect(mx.maxOpen()).toBe(2);
      // Waiting for a slot is not an attempt.
      expect(await db.outboxItem.findMany({ where: { messageId: { in: ids } }, select: { attempts: true } })).toEqual(ids.map(() => ({ attempts: 1 })));
    } finally {
      setEnv({ OUTBOUND_PER_DOMAIN: undefined });
    }
  }, 60_000);

  it("delivers every message exactly once when Redis is flushed mid-run", async () => {
    const { domain, mx } = await remoteDomain(40);
    const ids = await queueMany(30, domain);
    workers.push(startOutboundDeliveryWorker({ concurrency: 6 }), startOutboundSweepWorker({ refreshMs: 500 }));
    enqueueOutbound(ids);
    await mx.waitFor(5);
    const redis = new Redis(`redis://127.0.0.1:6379/${REDIS_DB}`);
    try {
      await redis.flushdb(); // this file's own database: every job, the sweep tick, the slots
    } finally {
      redis.disconnect();
    }
    expect(mx.messages.length).toBeLessThan(30);
    await waitAllRelayed(ids);
    await new Promise((r) => setTimeout(r, 500));
    expectExactlyOnce(mx, ids);
  }, 60_000);

  it("takes back a row whose worker died mid-attempt and delivers it", async () => {
    const { domain, mx } = await remoteDomain();
    const [id] = await queueMany(1, domain);
    await db.outboxItem.updateMany({ where: { messageId: id }, data: { status: "sending", leaseUntil: new Date(Date.now() - 1000), attempts: 1 } });
    workers.push(startOutboundDeliveryWorker({ concurrency: 2 }));
    expect((await sweepOutbox()).reclaimed).toBe(1);
    await waitAllRelayed([id!]);
    expectExactlyOnce(mx, [id!]);
    expect(await db.outboxItem.findFirstOrThrow({ where: { messageId: id } })).toMatchObject({ attempts: 2, status: "relayed" });
  });
});
