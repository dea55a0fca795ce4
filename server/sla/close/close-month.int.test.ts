import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorActor } from "@/server/billing/billing-test-fixtures";
import { startTestEngine } from "@/server/mail/smtp/smtp-test-helpers";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { DomainError } from "@/server/shared/errors";
import { sealDay } from "../evidence/seal-day";
import { daysFromTo } from "../evidence/utc-days";
import { verifyChain } from "../evidence/verify-chain";
import { ensureProbeMailbox } from "../probes/probe-mailbox";
import { recordRun } from "../probes/record-run";
import { probeSmtpMx } from "../probes/smtp-mx.probe";
import { MINUTE_MS } from "../rules/constants";
import { createSampleWriter } from "../samples/write-samples";
import { decideCredit } from "../credits/decide-credit";
import { closeSlaMonth } from "./close-month";
import { CLOSE_AT, createPayingTenant, fillHealthyMonth, minutesFrom, MONTH } from "./sla-close-test-fixtures";

// Issue 9's "done when": the engine stopped for 50 minutes of simulated clock, the samples written
// by the real probe code against the stopped listener, the month closed, the breach with its
// evidence, the proposed credit (2 × 50 minutes), approved once, found in the ledger; then a
// changed sample makes the evidence chain fail verification.

const OUTAGE_START = "2026-10-12T02:00:00.000Z";
const OUTAGE = minutesFrom(OUTAGE_START, 50);
let tenantId: string;
let restore: () => void = () => {};

async function probeEachMinute(port: number, minutes: number[], rcpt: string) {
  // Simulated time: the writer must not "correct" it to the database's clock.
  const writer = createSampleWriter({ toleranceMs: Number.MAX_SAFE_INTEGER, flushSeconds: 3600 });
  for (const m of minutes) {
    const undo = setClock(new Date(m * MINUTE_MS + 5_000));
    await recordRun(writer, "test-probe", { probe: "smtp_mx", target: `127.0.0.1:${port}`, run: () => probeSmtpMx({ host: "127.0.0.1", port }, { timeoutMs: 2_000, rcpt }) });
    undo();
  }
  // Flushed on the simulated clock too: on the real one these days are long past sealing.
  const undo = setClock(new Date((minutes.at(-1)! + 1) * MINUTE_MS));
  await writer.close();
  undo();
}

beforeAll(async () => {
  process.env.SLA_PROBE_PASSWORD = "probe-password-for-tests-0123";
  resetEnvCache();
  tenantId = (await createPayingTenant("停机测试")).tenant.id;
  await fillHealthyMonth({ probes: ["network"] });
  await fillHealthyMonth({ probes: ["smtp_mx"], skip: new Set([OUTAGE[0]! - 1, ...OUTAGE]) });
  const engine = await startTestEngine();
  const box = await ensureProbeMailbox();
  const port = engine.ports.mx;
  // The minute before the outage, against the running listener; then the engine stops.
  await probeEachMinute(port, [OUTAGE[0]! - 1], box.address);
  await engine.cleanup();
  await probeEachMinute(port, OUTAGE, box.address);
  restore = setClock(CLOSE_AT);
}, 120_000);
afterAll(() => restore());

describe("closing a month with a 50-minute outage", () => {
  it("the probes recorded the running listener and 50 failures against the stopped one", async () => {
    const around = await db.probeSample.findMany({ where: { probe: "smtp_mx", at: { gte: new Date((OUTAGE[0]! - 1) * MINUTE_MS), lt: new Date((OUTAGE[49]! + 1) * MINUTE_MS) } }, orderBy: { at: "asc" } });
    expect(around.map((s) => s.ok)).toEqual([true, ...Array(50).fill(false)]);
    expect(around[1]!.error).toMatch(/ECONNREFUSED|refused/i);
  });

  it("records the availability breach with its evidence and proposes 2 × 50 minutes", async () => {
    const result = await closeSlaMonth({ month: MONTH, trigger: "cli" });
    expect(result).toMatchObject({ month: MONTH, tenants: 1, breached: 1, credits: 1 });
    const month = await db.slaMonth.findUniqueOrThrow({ where: { tenantId_month: { tenantId, month: MONTH } } });
    expect(month).toMatchObject({ status: "breached", interruptionMinutes: 50, breaches: 1, availabilityPpm: 998842 });
    const breach = await db.slaBreach.findFirstOrThrow({ where: { tenantId, month: MONTH } });
    expect(breach).toMatchObject({ promise: "availability", measured: "50 min (99.8842 %)", target: "≤ 44 min (99.9 %)" });
    const evidence = breach.evidence as { runs: unknown[]; failingSamples: { error: string }[]; failingSamplesTotal: number; figure: { steps: string[] } };
    expect(evidence.runs).toEqual([{ from: OUTAGE_START, to: "2026-10-12T02:50:00.000Z", minutes: 50 }]);
    expect(evidence.failingSamplesTotal).toBe(50);
    expect(evidence.figure.steps.join("\n")).toMatch(/45|50/);
    const credit = await db.slaCredit.findFirstOrThrow({ where: { tenantId, month: MONTH } });
    // ¥300.00 × 100 / 43,200 = 69.44 fen → 69 fen, well under the fees paid (¥300.00).
    expect(credit).toMatchObject({ status: "proposed", failureMinutes: 50, creditMinutes: 100, monthFee: 30_000n, proposedAmount: 69n, capAmount: 30_000n });
  });

  it("closing again changes nothing", async () => {
    const before = await db.slaCredit.findFirstOrThrow({ where: { tenantId, month: MONTH } });
    await closeSlaMonth({ month: MONTH, trigger: "cli" });
    expect(await db.slaBreach.count({ where: { tenantId, month: MONTH } })).toBe(1);
    expect(await db.slaCredit.findFirstOrThrow({ where: { tenantId, month: MONTH } })).toEqual(before);
  });

  it("an operator approves the credit once: it lands in the ledger, and a second approval returns the first", async () => {
    const credit = await db.slaCredit.findFirstOrThrow({ where: { tenantId, month: MONTH } });
    const [a, b] = await Promise.all([decideCredit(operatorActor, { creditId: credit.id, decision: "approve" }), decideCredit(operatorActor, { creditId: credit.id, decision: "approve" })]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const entries = await db.ledgerEntry.findMany({ where: { tenantId, kind: "sla_credit" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ amount: 69n, billingMonth: MONTH, reference: credit.id });
    expect(await db.auditEvent.count({ where: { action: "sla.credit.approve", targetId: credit.id } })).toBe(1);
    // A decided credit is final: rejecting it now is a conflict, and a re-close keeps it.
    await expect(decideCredit(operatorActor, { creditId: credit.id, decision: "reject", reason: "changed my mind" })).rejects.toMatchObject({ code: "CONFLICT" });
    // Even when the evidence would now read otherwise (the outage reclassified as force majeure),
    // the month and breach behind the decided credit stay as they were.
    await db.incident.create({ data: { kind: "outage", cause: "force_majeure", reason: "typhoon", summary: "typhoon", startsAt: new Date(OUTAGE_START), endsAt: new Date(new Date(OUTAGE_START).getTime() + 50 * MINUTE_MS) } });
    const again = await closeSlaMonth({ month: MONTH, trigger: "cli" });
    expect(again).toMatchObject({ kept: 1, breached: 0 });
    expect(await db.slaCredit.findUniqueOrThrow({ where: { id: credit.id } })).toMatchObject({ status: "approved", amount: 69n });
    expect(await db.slaBreach.count({ where: { tenantId, month: MONTH } })).toBe(1);
    expect((await db.slaMonth.findUniqueOrThrow({ where: { tenantId_month: { tenantId, month: MONTH } } })).status).toBe("breached");
  });

  it("a changed sample makes the evidence chain fail on its day", async () => {
    for (const day of daysFromTo("2026-09-30", "2026-11-01")) await sealDay(day);
    expect((await verifyChain({})).firstBad).toBeNull();
    const sample = await db.probeSample.findFirstOrThrow({ where: { probe: "smtp_mx", ok: false }, orderBy: { id: "asc" } });
    // The table refuses UPDATE; someone rewriting history has to delete and insert.
    await expect(db.probeSample.update({ where: { id: sample.id }, data: { ok: true } })).rejects.toThrow();
    await db.probeSample.delete({ where: { id: sample.id } });
    await db.probeSample.create({ data: { ...sample, ok: true, detail: undefined } });
    const { firstBad } = await verifyChain({});
    expect(firstBad?.day).toBe("2026-10-12");
  });
});

describe("bad input", () => {
  it("refuses a malformed month, a month not begun, and names it", async () => {
    await expect(closeSlaMonth({ month: "2026-13", trigger: "cli" })).rejects.toThrow(/YYYY-MM/);
    await expect(closeSlaMonth({ month: "2027-01", trigger: "cli" })).rejects.toBeInstanceOf(DomainError);
  });

  it("a month without samples is reported as no evidence, never 100 %", async () => {
    await createPayingTenant("无证据", 30_000, "2026-09");
    const r = await closeSlaMonth({ month: "2026-09", trigger: "cli" });
    expect(r).toMatchObject({ tenants: 2, noEvidence: 2, breached: 0, credits: 0 });
    const months = await db.slaMonth.findMany({ where: { month: "2026-09" } });
    expect(months.every((m) => m.status === "no_evidence" && m.availabilityPpm === null)).toBe(true);
  });

  it("refuses a month whose samples are past retention: it stays as it was closed", async () => {
    const before = await db.slaCloseRun.count();
    await expect(closeSlaMonth({ month: "2026-07", trigger: "cli" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.slaCloseRun.count()).toBe(before);
  });

  it("two closes of one month at once: one runs, the other is told", async () => {
    const results = await Promise.allSettled([closeSlaMonth({ month: "2026-09", trigger: "cli" }), closeSlaMonth({ month: "2026-09", trigger: "operator" })]);
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as DomainError);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual([expect.stringMatching(/^(CONFLICT|UNAVAILABLE)$/)]);
  });
});
