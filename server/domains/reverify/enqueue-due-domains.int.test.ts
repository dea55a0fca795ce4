import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { domainCheckJobId, enqueueDueDomains } from "./enqueue-due-domains";
import { createBareDomains, resetReverify, queuedChecks } from "./reverify-test-fixtures";

// The tick's side of re-verification: which domains it queues, and that it queues each due
// check once however many ticks overlap.

const NOW = new Date("2026-11-26T10:00:00.000Z");
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

afterEach(() => resetReverify());

describe("enqueueDueDomains", () => {
  it("queues one job per due domain, keyed by its due time, and none for the others", async () => {
    const [overdue, dueNow, later, never] = await createBareDomains([at(-3_600_000), at(0), at(1), null]);
    const result = await enqueueDueDomains({ now: NOW });
    expect(result).toEqual({ due: 2, batches: 1 });
    const jobs = await queuedChecks();
    expect(jobs.map((j) => j.domainId).sort()).toEqual([overdue!.id, dueNow!.id].sort());
    expect(jobs.find((j) => j.domainId === overdue!.id)!.id).toBe(domainCheckJobId(overdue!.id, overdue!.nextCheckAt!));
    expect(jobs.map((j) => j.domainId)).not.toContain(later!.id);
    expect(jobs.map((j) => j.domainId)).not.toContain(never!.id);
  });

  it("queues a due check once even when two ticks run at the same time, or one after the other", async () => {
    const domains = await createBareDomains(Array.from({ length: 7 }, (_, i) => at(-i * 1000)));
    await Promise.all([enqueueDueDomains({ now: NOW, batchSize: 3 }), enqueueDueDomains({ now: NOW, batchSize: 2 })]);
    await enqueueDueDomains({ now: at(30_000) });
    const jobs = await queuedChecks();
    expect(jobs).toHaveLength(7);
    expect(new Set(jobs.map((j) => j.domainId))).toEqual(new Set(domains.map((d) => d.id)));
  });

  it("pages through domains sharing one due time without skipping or repeating any", async () => {
    const domains = await createBareDomains(Array.from({ length: 5 }, () => at(-60_000)));
    expect(await enqueueDueDomains({ now: NOW, batchSize: 2 })).toEqual({ due: 5, batches: 3 });
    expect((await queuedChecks()).map((j) => j.domainId).sort()).toEqual(domains.map((d) => d.id).sort());
  });

  it("queues a new job once the domain's next check has come round", async () => {
    const [domain] = await createBareDomains([at(-1000)]);
    await enqueueDueDomains({ now: NOW });
    await db.domain.update({ where: { id: domain!.id }, data: { nextCheckAt: at(600_000) } });
    expect(await enqueueDueDomains({ now: at(300_000) })).toEqual({ due: 0, batches: 0 });
    await enqueueDueDomains({ now: at(600_000) });
    expect((await queuedChecks()).filter((j) => j.domainId === domain!.id)).toHaveLength(2);
  });
});
