import { beforeAll, describe, expect, it } from "vitest";
import { operatorActor } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { createPayingTenant, MONTH } from "../close/sla-close-test-fixtures";
import { decideCredit } from "./decide-credit";
import { SUCCESSFUL_AUDITS } from "@/server/test/audit-counts";

// The operator's decisions on a proposed credit, and every refusal leaving the credit, the
// ledger and the operation log as they were.
let tenantId: string;

const propose = async (month: string, proposed = 69n, cap = 30_000n) =>
  (await db.slaCredit.create({ data: { tenantId, month, failureMinutes: 50, creditMinutes: 100, monthFee: cap, proposedAmount: proposed, capAmount: cap, currency: "CNY" } })).id;

// The call is made after the snapshot (a thunk): a promise made earlier could reject before
// anything awaits it, an unhandled rejection.
async function unchanged(creditId: string, call: () => Promise<unknown>) {
  const before = { credit: await db.slaCredit.findUniqueOrThrow({ where: { id: creditId } }), ledger: await db.ledgerEntry.count(), audit: await db.auditEvent.count(SUCCESSFUL_AUDITS) };
  const error = await call().then(() => null, (e: unknown) => e);
  expect(await db.slaCredit.findUniqueOrThrow({ where: { id: creditId } })).toEqual(before.credit);
  expect(await db.ledgerEntry.count()).toBe(before.ledger);
  expect(await db.auditEvent.count(SUCCESSFUL_AUDITS)).toBe(before.audit);
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  tenantId = (await createPayingTenant("补偿测试")).tenant.id;
});

describe("deciding a credit", () => {
  it("approving another amount needs a reason and stays within the fees paid for the month", async () => {
    const id = await propose("2026-01");
    const noReason = await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "approve", amount: 5_000 }));
    expect(noReason.fieldErrorsIn("en")).toEqual({ reason: [expect.stringMatching(/5 to 500 characters/)] });
    const tooMuch = await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "approve", amount: 30_001, reason: "goodwill for a bad month" }));
    expect(tooMuch.messageIn("en")).toBe("A credit of ¥300.01 is more than the fees paid for the month (¥300.00)");
    expect(tooMuch.messageIn("zh-CN")).toContain("超过该月已付费用");
    await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "approve", amount: -1, reason: "negative credit" }));
    await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "approve", amount: 12.5, reason: "half a fen" }));
    await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "approve", amount: 0, reason: "nothing at all" }));
    const ok = await decideCredit(operatorActor, { creditId: id, decision: "approve", amount: 5_000, reason: "goodwill for a bad month" });
    expect(ok.credit).toMatchObject({ status: "approved", amount: 5_000, reason: "goodwill for a bad month" });
    expect(await db.ledgerEntry.findFirst({ where: { tenantId, kind: "sla_credit", reference: id } })).toMatchObject({ amount: 5_000n });
  });

  it("rejecting needs a reason, writes nothing to the ledger, and is final", async () => {
    const id = await propose("2026-02");
    await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "reject" }));
    await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "reject", reason: "  no " }));
    const r = await decideCredit(operatorActor, { creditId: id, decision: "reject", reason: "the outage was the customer's DNS" });
    expect(r).toMatchObject({ created: true, credit: { status: "rejected", amount: null } });
    expect(await db.ledgerEntry.count({ where: { reference: id } })).toBe(0);
    expect((await decideCredit(operatorActor, { creditId: id, decision: "reject", reason: "again" })).created).toBe(false);
    const conflict = await unchanged(id, () => decideCredit(operatorActor, { creditId: id, decision: "approve" }));
    expect(conflict.code).toBe("CONFLICT");
  });

  it("an unknown credit is NOT_FOUND", async () => {
    await expect(decideCredit(operatorActor, { creditId: "nope", decision: "approve" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the proposal as it stands needs no reason", async () => {
    const id = await propose(MONTH);
    const r = await decideCredit(operatorActor, { creditId: id, decision: "approve", amount: 69 });
    expect(r.credit).toMatchObject({ status: "approved", amount: 69, reason: null });
    expect(r.balance).toBe(100_000 - 30_000 + 5_000 + 69);
  });
});
