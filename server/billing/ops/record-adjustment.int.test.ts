import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { MAX_AMOUNT_FEN } from "@/server/shared/money";
import { billingWriteCounts, createBillingTenant, createPlan, operatorActor, operatorUser } from "../billing-test-fixtures";
import { getBalance } from "../ledger/get-balance";
import { activeSubscription, addEntry, callerFor, refusal } from "../statements/statement-test-fixtures";
import { recordAdjustment } from "./record-adjustment";
import type { TRecordAdjustmentRequest } from "./record-adjustment.types";

let tenantId: string;
let restoreClock: () => void;
const ops = () => callerFor(operatorUser).ops;
const request = (more: Partial<TRecordAdjustmentRequest> = {}) => ({
  tenantId,
  amount: 12_345,
  reason: "Goodwill for the outage on 3 Nov",
  idempotencyKey: randomUUID(),
  ...more,
});

beforeAll(async () => {
  restoreClock = setClock(new Date("2026-12-10T04:00:00Z"));
  tenantId = (await createBillingTenant()).tenant.id;
});
afterAll(() => restoreClock());

describe("recordAdjustment", () => {
  it("credits the balance, keeps the reason as the note and audits who, how much and why", async () => {
    const before = await getBalance(tenantId);
    const result = await ops().adjust(request());
    expect(result).toMatchObject({ created: true, reactivated: false, balance: before + 12_345 });
    expect(result.entry).toMatchObject({ kind: "adjustment", amount: 12_345, currency: "CNY", note: "Goodwill for the outage on 3 Nov", actorRole: "operator" });
    const row = await db.ledgerEntry.findUniqueOrThrow({ where: { id: BigInt(result.entry.id) } });
    expect(row).toMatchObject({ tenantId, actorId: operatorUser.id, actorRole: "operator", amount: 12_345n });
    expect(row.idempotencyKey).toMatch(/^adjustment:/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "billing.adjustment", targetId: result.entry.id } });
    expect(audit).toMatchObject({ tenantId, actorId: operatorUser.id, targetType: "ledger_entry", result: "success" });
    expect(audit.details).toEqual({ kind: "adjustment", amount: 12_345, reason: "Goodwill for the outage on 3 Nov", balanceAfter: before + 12_345 });
  });

  it("debits with a negative amount, as an adjustment or (flagged) as a refund", async () => {
    expect((await ops().adjust(request({ amount: -345 }))).entry.kind).toBe("adjustment");
    const refund = await ops().adjust(request({ amount: -2_000, refund: true, reason: "Refund paid to the customer's account" }));
    expect(refund.entry).toMatchObject({ kind: "refund", amount: -2_000 });
  });

  it("accepts the largest amount either way", async () => {
    const big = await ops().adjust(request({ amount: MAX_AMOUNT_FEN }));
    await ops().adjust(request({ amount: -MAX_AMOUNT_FEN }));
    expect(big.entry.amount).toBe(MAX_AMOUNT_FEN);
  });

  describe("refuses bad input with a clear message and writes nothing", () => {
    const amountCases: [string, number, string][] = [
      ["zero", 0, "The amount must not be zero: a positive amount credits the balance, a negative one debits it"],
      ["a fraction of a fen", 12.5, "The amount must be a whole number of fen (no fractions of a fen)"],
      ["more than the maximum", MAX_AMOUNT_FEN + 1, "The amount must be at most ¥100,000,000.00 either way"],
      ["less than minus the maximum", -MAX_AMOUNT_FEN - 1, "The amount must be at most ¥100,000,000.00 either way"],
      ["beyond safe integers", 1e300, "The amount must be at most ¥100,000,000.00 either way"],
      ["NaN", Number.NaN, "The amount is not a number: enter whole fen, e.g. 10000 for ¥100.00"],
      ["Infinity", Number.POSITIVE_INFINITY, "The amount is not a number: enter whole fen, e.g. 10000 for ¥100.00"],
    ];
    for (const [name, amount, message] of amountCases) {
      it(`amount: ${name}`, async () => {
        const before = await billingWriteCounts();
        const r = await refusal(ops().adjust(request({ amount })));
        expect(r.code).toBe("BAD_REQUEST");
        expect(r.fieldErrors?.amount).toEqual([message]);
        // A direct caller (script, job) is held to the same rule.
        await expect(recordAdjustment(operatorActor, { ...request({ amount }), refund: false })).rejects.toMatchObject({ code: "BAD_INPUT", message });
        expect(await billingWriteCounts()).toEqual(before);
      });
    }

    it("amount: not a number at all", async () => {
      const r = await refusal(ops().adjust({ ...request(), amount: "100" as unknown as number }));
      expect(r.fieldErrors?.amount).toEqual(["The amount is not a number: enter whole fen, e.g. 10000 for ¥100.00"]);
    });

    it("a refund with a positive amount", async () => {
      const r = await refusal(ops().adjust(request({ amount: 500, refund: true })));
      expect(r.fieldErrors?.amount).toEqual(["A refund takes money out of the balance: enter it as a negative amount"]);
    });

    const reason = "Give a reason of 5 to 500 characters: it is kept in the ledger and the operation log";
    for (const [name, value] of [
      ["missing", undefined],
      ["too short", "typo"],
      ["only spaces", "          "],
      ["too long", "x".repeat(501)],
    ] as const) {
      it(`reason: ${name}`, async () => {
        const before = await billingWriteCounts();
        const r = await refusal(ops().adjust({ ...request(), reason: value as string }));
        expect(r).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { reason: [reason] } });
        expect(await billingWriteCounts()).toEqual(before);
      });
    }

    it("an unknown tenant: NOT_FOUND", async () => {
      const before = await billingWriteCounts();
      expect(await refusal(ops().adjust(request({ tenantId: "no-such-tenant" })))).toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
      expect(await billingWriteCounts()).toEqual(before);
    });

    it("a request id already used for a different adjustment: CONFLICT", async () => {
      const first = request();
      await ops().adjust(first);
      const before = await billingWriteCounts();
      expect(await refusal(ops().adjust({ ...first, amount: first.amount + 1 }))).toMatchObject({
        code: "CONFLICT",
        message: "This request id was already used for a different adjustment",
      });
      expect(await billingWriteCounts()).toEqual(before);
    });
  });

  it("returns the first result for a repeated request id and writes one entry and one audit row", async () => {
    const input = request({ amount: 777 });
    const first = await ops().adjust(input);
    const before = await billingWriteCounts();
    const again = await ops().adjust(input);
    expect(again).toMatchObject({ created: false, entry: first.entry });
    expect(await billingWriteCounts()).toEqual(before);
  });

  it("writes exactly one entry for 20 identical adjustments sent at once", async () => {
    const tenant = (await createBillingTenant("并发测试")).tenant;
    const input = request({ tenantId: tenant.id, amount: 5_000 });
    const results = await Promise.all(Array.from({ length: 20 }, () => ops().adjust(input)));
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.ledgerEntry.count({ where: { tenantId: tenant.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "billing.adjustment", tenantId: tenant.id } })).toBe(1);
    expect(await getBalance(tenant.id)).toBe(5_000);
  });
});

describe("a credit for a tenant suspended for non-payment", () => {
  it("reactivates it once the balance pays the month in progress, and not before", async () => {
    const { tenant } = await createBillingTenant("暂停公司");
    const plan = await createPlan();
    // 10 seats × ¥200: ¥166.66 a month, ¥166.74 in December. November was paid and charged.
    await activeSubscription(tenant.id, plan.id, 10, 20_000, "2026-11", "2027-11");
    await addEntry(tenant.id, "payment", 16_666, "2026-10-20T02:00:00Z");
    await addEntry(tenant.id, "monthly_charge", -16_666, "2026-10-31T16:01:00Z", { billingMonth: "2026-11", reference: "2026-11" });
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "suspended", suspendedReason: "non_payment", suspendedAt: new Date("2026-11-30T16:01:00Z") } });

    const short = await ops().adjust(request({ tenantId: tenant.id, amount: 10_000 }));
    expect(short).toMatchObject({ reactivated: false, balance: 10_000 });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("suspended");

    const enough = await ops().adjust(request({ tenantId: tenant.id, amount: 6_674 }));
    expect(enough).toMatchObject({ reactivated: true, balance: 0 });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ status: "active", suspendedReason: null });
    const charge = await db.ledgerEntry.findFirstOrThrow({ where: { tenantId: tenant.id, kind: "monthly_charge", billingMonth: "2026-12" } });
    expect(charge.amount).toBe(-16_674n);
  });

  it("leaves an operator's suspension alone", async () => {
    const { tenant } = await createBillingTenant("Held Ltd");
    await db.tenant.update({ where: { id: tenant.id }, data: { status: "suspended", suspendedReason: "operator" } });
    expect(await ops().adjust(request({ tenantId: tenant.id, amount: 1_000_000 }))).toMatchObject({ reactivated: false });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("suspended");
  });
});
