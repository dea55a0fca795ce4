import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import { callOverHttp, seedAuditWorld } from "@/server/audit/audit-test-fixtures";
import { createPlan } from "./create-plan";
import { updatePlan } from "./update-plan";
import { listPlanPrices } from "./list-plan-prices";
import { listCatalogue } from "./list-catalogue";
import { newPlanInput, operatorActor, planWriteCounts } from "./plan-test-fixtures";

let world: Awaited<ReturnType<typeof seedAuditWorld>>;
beforeAll(async () => {
  world = await seedAuditWorld();
});

const ops = () => createCaller(makeContext(world.users.operator)).billing.plans;
const priceRows = (planId: string) => db.planPrice.findMany({ where: { planId }, orderBy: { id: "asc" } });

describe("updatePlan", () => {
  it("appends exactly one price-history row for a price change, audited with from and to", async () => {
    const restore = setClock(new Date("2026-03-01T00:00:00Z"));
    const plan = await createPlan(operatorActor, newPlanInput());
    restore();
    const updated = await ops().update({ id: plan.id, pricePerSeatYear: 24_000 });
    expect(updated.pricePerSeatYear).toBe(24_000);
    const rows = await priceRows(plan.id);
    expect(rows.map((r) => r.pricePerSeatYear)).toEqual([20_000, 24_000]);
    expect(rows[1]!.changedById).toBe("ops");
    const audits = await db.auditEvent.findMany({ where: { targetId: plan.id, action: { not: "plan.create" } } });
    expect(audits.map((a) => a.action)).toEqual(["plan.price_change"]);
    expect(audits[0]!.details).toMatchObject({ from: 20_000, to: 24_000, currency: "CNY" });
  });

  it("keeps the price a subscription paid when the plan's price changes", async () => {
    const plan = await createPlan(operatorActor, newPlanInput());
    const sub = await db.subscription.create({
      data: { tenantId: world.tenantA.id, planId: plan.id, seats: 100, pricePerSeatYear: plan.pricePerSeatYear, currency: "CNY" },
    });
    await updatePlan(operatorActor, { id: plan.id, pricePerSeatYear: 30_000 });
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).pricePerSeatYear).toBe(20_000);
  });

  it("appends no price row when other fields change, and audits them as plan.update", async () => {
    const plan = await createPlan(operatorActor, newPlanInput());
    const updated = await ops().update({ id: plan.id, name: " Renamed ", mailboxMessageLimit: null, dailySendLimit: 2000 });
    expect(updated).toMatchObject({ name: "Renamed", mailboxMessageLimit: null, dailySendLimit: 2000, pricePerSeatYear: 20_000 });
    expect(await priceRows(plan.id)).toHaveLength(1);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: plan.id, action: "plan.update" } });
    expect(audit.details).toEqual({
      code: plan.code,
      changes: {
        name: { from: plan.name, to: "Renamed" },
        mailboxMessageLimit: { from: 50_000, to: null },
        dailySendLimit: { from: 1000, to: 2000 },
      },
    });
  });

  it("writes both audit rows when a price and a limit change together, and nothing for an edit that changes nothing", async () => {
    const plan = await createPlan(operatorActor, newPlanInput());
    await updatePlan(operatorActor, { id: plan.id, pricePerSeatYear: 21_000, aliasesPerMailbox: 10 });
    const before = await planWriteCounts();
    const same = await updatePlan(operatorActor, { id: plan.id, pricePerSeatYear: 21_000, aliasesPerMailbox: 10, name: plan.name });
    expect(same).toMatchObject({ pricePerSeatYear: 21_000, aliasesPerMailbox: 10 });
    expect(await planWriteCounts()).toEqual(before);
    const actions = await db.auditEvent.findMany({ where: { targetId: plan.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action).sort()).toEqual(["plan.create", "plan.price_change", "plan.update"]);
  });

  it("applies twenty identical concurrent price changes once", async () => {
    const plan = await createPlan(operatorActor, newPlanInput());
    const results = await Promise.all(Array.from({ length: 20 }, () => updatePlan(operatorActor, { id: plan.id, pricePerSeatYear: 25_000 })));
    expect(results.every((r) => r.pricePerSeatYear === 25_000)).toBe(true);
    expect((await priceRows(plan.id)).map((r) => r.pricePerSeatYear)).toEqual([20_000, 25_000]);
    expect(await db.auditEvent.count({ where: { targetId: plan.id, action: "plan.price_change" } })).toBe(1);
  });

  it("keeps plan and history in step under concurrent different prices", async () => {
    const plan = await createPlan(operatorActor, newPlanInput());
    const prices = [21_000, 22_000, 23_000, 24_000, 25_000, 26_000];
    await Promise.all(prices.map((p) => updatePlan(operatorActor, { id: plan.id, pricePerSeatYear: p })));
    const rows = await priceRows(plan.id);
    expect(rows).toHaveLength(prices.length + 1);
    expect(new Set(rows.slice(1).map((r) => r.pricePerSeatYear))).toEqual(new Set(prices));
    const current = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(current.pricePerSeatYear).toBe(rows.at(-1)!.pricePerSeatYear);
  });

  it("withdraws a plan from the catalogue and restores it, audited as plan.update", async () => {
    const plan = await createPlan(operatorActor, newPlanInput());
    await ops().update({ id: plan.id, active: false });
    expect((await listCatalogue()).map((p) => p.id)).not.toContain(plan.id);
    expect((await ops().list()).find((p) => p.id === plan.id)?.active).toBe(false);
    await ops().update({ id: plan.id, active: true });
    expect((await listCatalogue()).map((p) => p.id)).toContain(plan.id);
    const audits = await db.auditEvent.findMany({ where: { targetId: plan.id, action: "plan.update" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => (a.details as { changes: unknown }).changes)).toEqual([
      { active: { from: true, to: false } },
      { active: { from: false, to: true } },
    ]);
    expect(await priceRows(plan.id)).toHaveLength(1);
  });

  it("checks the attachment limits against the stored value of the field not sent", async () => {
    const plan = await createPlan(operatorActor, newPlanInput({ attachmentLimitMb: 30, largeAttachmentLimitMb: 100 }));
    const before = await planWriteCounts();
    await expect(updatePlan(operatorActor, { id: plan.id, attachmentLimitMb: 200 })).rejects.toMatchObject({
      code: "BAD_INPUT",
      fieldErrors: { attachmentLimitMb: ["Attachment limit must be at most the large attachment limit (100 MB)"] },
    });
    await expect(updatePlan(operatorActor, { id: plan.id, largeAttachmentLimitMb: 20 })).rejects.toMatchObject({
      fieldErrors: { largeAttachmentLimitMb: ["Large attachment limit must be at least the attachment limit (30 MB)"] },
    });
    expect(await planWriteCounts()).toEqual(before);
    await updatePlan(operatorActor, { id: plan.id, attachmentLimitMb: 200, largeAttachmentLimitMb: 200 });
  });

  it("answers NOT_FOUND for an unknown plan id, on update and on the price history", async () => {
    await expect(ops().update({ id: "no-such-plan", name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ops().priceHistory({ planId: "no-such-plan" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad edits field by field and writes nothing", async () => {
    const plan = await createPlan(operatorActor, newPlanInput());
    const cases: [Record<string, unknown>, string][] = [
      [{ pricePerSeatYear: 0 }, "pricePerSeatYear"],
      [{ pricePerSeatYear: 199.99 }, "pricePerSeatYear"],
      [{ pricePerSeatYear: "30000" }, "pricePerSeatYear"],
      [{ name: "  " }, "name"],
      [{ currency: "EUR" }, "currency"],
      [{ mailboxQuotaMb: 10_000_001 }, "mailboxQuotaMb"],
      [{ aliasesPerMailbox: 101 }, "aliasesPerMailbox"],
      [{ domainsPerTenant: 0 }, "domainsPerTenant"],
      [{ dailySendLimit: Number.NaN }, "dailySendLimit"],
      [{ active: "no" }, "active"],
      [{ code: "renamed" }, ""], // the code is fixed for life
      [{ id: "" }, "id"],
    ];
    const before = await planWriteCounts();
    for (const [change, field] of cases) {
      const { status, error } = await callOverHttp(world.users.operator, "billing.plans.update", { id: plan.id, ...change }, "mutation");
      expect(status, JSON.stringify(change)).toBe(400);
      expect(error?.data?.fieldErrors?.[field]?.length, JSON.stringify(change)).toBeGreaterThan(0);
    }
    expect(await planWriteCounts()).toEqual(before);
  });
});

describe("listPlanPrices", () => {
  it("lists a plan's prices oldest first with who set each", async () => {
    await db.user.create({ data: { id: "ops", email: "ops@example.test", name: "运营 Ops", passwordHash: "x", role: "operator" } });
    const t0 = new Date("2026-01-01T00:00:00Z");
    let restore = setClock(t0);
    const plan = await createPlan(operatorActor, newPlanInput());
    restore();
    restore = setClock(new Date("2026-06-01T00:00:00Z"));
    await updatePlan(operatorActor, { id: plan.id, pricePerSeatYear: 22_000 });
    restore();
    await db.planPrice.create({ data: { planId: plan.id, pricePerSeatYear: 23_000, currency: "CNY", effectiveFrom: new Date("2026-07-01T00:00:00Z") } });

    const history = await listPlanPrices({ planId: plan.id });
    expect(history.plan).toMatchObject({ id: plan.id, code: plan.code, currency: "CNY", active: true });
    expect(history.prices.map((p) => [p.pricePerSeatYear, p.effectiveFrom.toISOString(), p.changedBy?.name ?? null])).toEqual([
      [20_000, "2026-01-01T00:00:00.000Z", "运营 Ops"],
      [22_000, "2026-06-01T00:00:00.000Z", "运营 Ops"],
      [23_000, "2026-07-01T00:00:00.000Z", null],
    ]);
  });
});
