import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSocket, type Socket } from "node:dgram";
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { waitFor } from "@/server/audit/audit-test-fixtures";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { enqueue, getQueue } from "@/server/shared/queues";
import { DOMAIN_CHECK_TICK_SCHEDULER, domainCheckTickEveryMs, registerDomainCheckTick, startDomainCheckTickWorker, startDomainCheckWorker } from "@/workers/domain-check.worker";
import { publishDomainToSandbox } from "../check/publish-domain-to-sandbox";
import { callerFor, createDomainTenant, operatorActor, uniqueName } from "../domain-test-fixtures";
import { domainCheckJobId } from "./enqueue-due-domains";
import { publishPlatformSpf, resetReverify } from "./reverify-test-fixtures";

// The BullMQ side of re-verification against a real DNS sandbox: the minute tick queues due
// domains, the check worker runs checkAndApply on them, and a shutdown lets running checks finish.

let server: SandboxServer;
const saved = { resolvers: process.env.DNS_RESOLVERS, timeout: process.env.DNS_TIMEOUT_MS };
const useResolver = (port: number) => {
  process.env.DNS_RESOLVERS = `127.0.0.1:${port}`;
  resetEnvCache();
};
beforeAll(async () => {
  await publishPlatformSpf();
  server = await startSandboxServer({ port: 0, pollMs: 100 });
});
afterAll(async () => {
  await server?.close();
  process.env.DNS_RESOLVERS = saved.resolvers;
  if (saved.resolvers === undefined) delete process.env.DNS_RESOLVERS;
  resetEnvCache();
});

const workers: Worker[] = [];
const start = (w: Worker) => (workers.push(w), w);
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
  await resetReverify();
});

async function addPublishedDomain() {
  const { admin, tenant } = await createDomainTenant(`Checked ${randomUUID().slice(0, 6)}`, 10);
  const view = await callerFor(admin).add({ name: uniqueName("rw") });
  await publishDomainToSandbox(operatorActor, tenant.id, view.id);
  await server.reload();
  return view;
}

async function jobOutcome(jobId: string) {
  return waitFor(async () => {
    const job = await getQueue("domainCheck").getJob(jobId);
    return job && (await job.getState()) === "completed" ? (job.returnvalue as unknown) : undefined;
  });
}

describe("domain check workers", () => {
  it("checks every due domain the minute tick queues, and schedules its next check", async () => {
    useResolver(server.port);
    const a = await addPublishedDomain();
    const b = await addPublishedDomain();
    start(startDomainCheckTickWorker({ schedule: false }));
    start(startDomainCheckWorker());
    await enqueue("domainCheckTick", {}, `tick-${randomUUID()}`);
    for (const view of [a, b]) {
      const checked = await waitFor(async () => (await db.domain.findUniqueOrThrow({ where: { id: view.id } })).lastCheckedAt ?? undefined);
      const domain = await db.domain.findUniqueOrThrow({ where: { id: view.id } });
      // Every record answered by the sandbox: a background check only proposes mail_ready (flap damping).
      expect(domain).toMatchObject({ state: "unverified", candidateState: "mail_ready" });
      expect(domain.nextCheckAt!.getTime() - checked.getTime()).toBe(10 * 60_000); // a new domain: every 10 minutes
    }
  });

  it("completes quietly for a domain removed since it was queued", async () => {
    start(startDomainCheckWorker());
    const jobId = domainCheckJobId("gone-domain", new Date());
    await enqueue("domainCheck", { domainId: "gone-domain" }, jobId);
    expect(await jobOutcome(jobId)).toBe("gone");
  });

  it("registers the tick every minute", async () => {
    await registerDomainCheckTick();
    await registerDomainCheckTick(); // idempotent: still one scheduler
    const schedulers = (await getQueue("domainCheckTick").getJobSchedulers()).filter((s) => (s.key ?? s.id) === DOMAIN_CHECK_TICK_SCHEDULER);
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ every: domainCheckTickEveryMs() });
    expect(domainCheckTickEveryMs()).toBe(60_000);
    await getQueue("domainCheckTick").removeJobScheduler(DOMAIN_CHECK_TICK_SCHEDULER);
  });

  describe("on shutdown", () => {
    // A resolver that never answers: each check then waits out DNS_TIMEOUT_MS, long enough to
    // close the worker while the check runs.
    let silent: Socket;
    beforeAll(async () => {
      silent = createSocket("udp4");
      await new Promise<void>((r) => silent.bind(0, "127.0.0.1", () => r()));
    });
    afterAll(() => {
      silent?.close();
      if (saved.timeout === undefined) delete process.env.DNS_TIMEOUT_MS;
      else process.env.DNS_TIMEOUT_MS = saved.timeout;
    });

    it("finishes the running check before closing; the job completes and the domain is rescheduled", async () => {
      const view = await addPublishedDomain();
      process.env.DNS_TIMEOUT_MS = "800";
      useResolver(silent.address().port);
      const worker = startDomainCheckWorker();
      const jobId = domainCheckJobId(view.id, view.nextCheckAt!);
      await enqueue("domainCheck", { domainId: view.id }, jobId);
      const job = await waitFor(async () => {
        const j = await getQueue("domainCheck").getJob(jobId);
        return j && (await j.getState()) === "active" ? j : undefined;
      });
      await worker.close();
      expect(await job.getState()).toBe("completed");
      const domain = await db.domain.findUniqueOrThrow({ where: { id: view.id } });
      // Inconclusive (every resolver failed): checked and rescheduled, state and candidate untouched.
      expect(domain).toMatchObject({ state: "unverified", candidateState: null });
      expect(domain.lastCheckedAt).not.toBeNull();
      expect(domain.nextCheckAt!.getTime()).toBeGreaterThan(view.nextCheckAt!.getTime());
    });
  });
});
