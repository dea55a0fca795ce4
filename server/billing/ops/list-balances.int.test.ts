import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { createPlan, operatorUser } from "../billing-test-fixtures";
import { activeSubscription, addEntry, callerFor } from "../statements/statement-test-fixtures";

// Six tenants on 2026-11-20 (Shanghai), November already charged where there is a subscription.
// Fees at ¥200 per seat-year: 100 seats ¥1,666.66 a month (¥1,666.74 in December), 10 seats
// ¥166.66 (¥166.74), 5 seats ¥83.33 (¥83.41).
let restoreClock: () => void;
const ids: Record<string, string> = {};
const ops = () => callerFor(operatorUser).ops;

async function tenant(name: string, status: "active" | "suspended" = "active", suspendedReason: "non_payment" | "operator" | null = null) {
  const t = await db.tenant.create({ data: { name, status, suspendedReason, suspendedAt: status === "suspended" ? new Date("2026-11-01T00:00:00Z") : null } });
  ids[name] = t.id;
  return t.id;
}

beforeAll(async () => {
  const plan = await createPlan();
  const charged = async (id: string, seats: number, paid: number, fee: number) => {
    await activeSubscription(id, plan.id, seats, 20_000, "2026-11", "2027-11");
    await addEntry(id, "payment", paid, "2026-10-15T02:00:00Z");
    await addEntry(id, "monthly_charge", -fee, "2026-10-31T16:01:00Z", { billingMonth: "2026-11" });
  };
  await charged(await tenant("Alpha 甲"), 100, 2_000_000, 166_666); // balance 1,833,334: pays through October 2027
  await charged(await tenant("Beta"), 10, 20_000, 16_666); // 3,334: cannot pay December's 16,674
  await charged(await tenant("Foxtrot"), 10, 33_340, 16_666); // 16,674: pays December exactly
  const gamma = await tenant("Gamma", "suspended", "non_payment"); // November unpaid
  await activeSubscription(gamma, plan.id, 5, 20_000, "2026-11", "2027-11");
  await addEntry(gamma, "payment", 1_000, "2026-10-15T02:00:00Z");
  await tenant("Delta"); // no subscription, no money
  const echo = await tenant("Echo", "suspended", "operator"); // held by an operator, not overdue
  await activeSubscription(echo, plan.id, 5, 20_000, "2026-11", "2027-11");
  restoreClock = setClock(new Date("2026-11-20T04:00:00Z"));
});
afterAll(() => restoreClock());

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("ops.balances", () => {
  it("shows each tenant's balance, service and where the balance carries it", async () => {
    const { rows, total } = await ops().balances({});
    expect(total).toBe(6);
    expect(names(rows)).toEqual(["Alpha 甲", "Beta", "Delta", "Echo", "Foxtrot", "Gamma"]);
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by["Alpha 甲"]).toMatchObject({
      tenantId: ids["Alpha 甲"], status: "active", suspendedReason: null, frozenUntil: null, purgedAt: null, balance: 1_833_334, seats: 100, pricePerSeatYear: 20_000,
      subscriptionStatus: "active", nextMonth: "2026-12", monthlyFee: 166_674, paidThroughDay: "2027-10-31", daysLeft: 346,
    });
    expect(by["Alpha 甲"]!.plan?.id).toBeTruthy();
    expect(by.Beta).toMatchObject({ balance: 3_334, monthlyFee: 16_674, paidThroughDay: null, daysLeft: 11 });
    expect(by.Foxtrot).toMatchObject({ balance: 16_674, monthlyFee: 16_674, paidThroughDay: "2026-12-31", daysLeft: 42 });
    expect(by.Gamma).toMatchObject({ status: "suspended", suspendedReason: "non_payment", balance: 1_000, nextMonth: "2026-11", monthlyFee: 8_333, daysLeft: -19 });
    expect(by.Delta).toMatchObject({ balance: 0, plan: null, seats: null, monthlyFee: null, paidThroughDay: null, daysLeft: null });
  });

  it("searches by part of the name, any case, taking % and _ literally", async () => {
    expect(names((await ops().balances({ search: "ET" })).rows)).toEqual(["Beta"]);
    expect(names((await ops().balances({ search: "甲" })).rows)).toEqual(["Alpha 甲"]);
    expect((await ops().balances({ search: "%" })).total).toBe(0);
    expect((await ops().balances({ search: "_" })).total).toBe(0);
  });

  it("sorts by balance and by days left (tenants without a running service last), and pages", async () => {
    expect(names((await ops().balances({ sort: "balance", direction: "desc" })).rows)).toEqual(["Alpha 甲", "Foxtrot", "Beta", "Gamma", "Delta", "Echo"]);
    expect(names((await ops().balances({ sort: "balance" })).rows)).toEqual(["Delta", "Echo", "Gamma", "Beta", "Foxtrot", "Alpha 甲"]);
    expect(names((await ops().balances({ sort: "daysLeft" })).rows)).toEqual(["Echo", "Gamma", "Beta", "Foxtrot", "Alpha 甲", "Delta"]);
    expect(names((await ops().balances({ sort: "daysLeft", direction: "desc" })).rows)).toEqual(["Alpha 甲", "Foxtrot", "Beta", "Gamma", "Echo", "Delta"]);
    const page2 = await ops().balances({ page: 2, pageSize: 2, direction: "desc" });
    expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(names(page2.rows)).toEqual(["Echo", "Delta"]);
  });

  it("refuses a bad sort or page", async () => {
    await expect(ops().balances({ sort: "mood" as "name" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(ops().balances({ pageSize: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("ops.overdue", () => {
  it("lists tenants suspended for non-payment, then active ones short of next month's fee, with the amount missing", async () => {
    const { rows, total } = await ops().overdue({});
    expect(total).toBe(2);
    expect(rows.map((r) => [r.name, r.reason, r.balance, r.nextMonth, r.monthlyFee, r.amountMissing])).toEqual([
      ["Gamma", "suspended", 1_000, "2026-11", 8_333, 7_333],
      ["Beta", "short", 3_334, "2026-12", 16_674, 13_340],
    ]);
    expect(rows[0]!.suspendedAt?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(rows[0]).toMatchObject({ frozenUntil: null, purgedAt: null });
  });

  it("drops a tenant as soon as its balance pays the next month", async () => {
    await addEntry(ids.Beta!, "payment", 13_340, "2026-11-20T03:00:00Z");
    expect(names((await ops().overdue({})).rows)).toEqual(["Gamma"]);
  });
});

describe("terminated tenants", () => {
  it("carry the end of their frozen period, and when they were purged", async () => {
    const plan = await createPlan();
    const hotel = await tenant("Hotel", "suspended", "operator");
    await activeSubscription(hotel, plan.id, 5, 20_000, "2026-11", "2027-11");
    await db.tenant.update({ where: { id: hotel }, data: { status: "frozen", frozenUntil: new Date("2026-11-27T04:00:00Z") } });
    const india = await tenant("India", "suspended", "non_payment");
    await db.tenant.update({
      where: { id: india },
      data: { status: "frozen", frozenUntil: new Date("2026-11-18T04:00:00Z"), purgedAt: new Date("2026-11-18T04:05:00Z") },
    });

    const row = async (name: string) => (await ops().balances({ search: name })).rows[0]!;
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const frozen = await row("Hotel");
    expect(frozen).toMatchObject({ status: "frozen", suspendedReason: "operator", purgedAt: null, seats: 5 });
    expect(iso(frozen.frozenUntil)).toBe("2026-11-27T04:00:00.000Z");
    const purged = await row("India");
    expect(purged).toMatchObject({ status: "frozen", suspendedReason: "non_payment", plan: null });
    expect([iso(purged.frozenUntil), iso(purged.purgedAt)]).toEqual(["2026-11-18T04:00:00.000Z", "2026-11-18T04:05:00.000Z"]);
    // Neither owes a month any more: terminated tenants are not on the overdue list.
    expect(names((await ops().overdue({})).rows)).toEqual(["Gamma"]);
  });
});
