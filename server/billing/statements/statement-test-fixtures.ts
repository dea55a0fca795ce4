// Shared by the statements and ops integration tests: ledger entries written the way the
// application writes them (appendLedgerEntry in a money transaction, at a chosen instant), and
// active subscriptions. Not imported by application code.
import { randomUUID } from "node:crypto";
import type { LedgerKind } from "@/server/generated/prisma/client.ts";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { appendLedgerEntry } from "../ledger/append-ledger-entry";
import { moneyTransaction } from "../ledger/money-transaction";
import type { SessionUser } from "@/server/auth/session-user";
import { createCallerFactory, router } from "@/server/trpc/init";
import { makeContext } from "@/server/trpc/context";
import { opsBillingRouter } from "../ops/router";
import { statementsRouter } from "./router";

export async function addEntry(
  tenantId: string,
  kind: LedgerKind,
  amount: number,
  at: string | Date,
  more: { reference?: string; billingMonth?: string; note?: string } = {},
) {
  const restore = setClock(new Date(at));
  try {
    return await moneyTransaction(async (tx) => {
      const { entry } = await appendLedgerEntry(tx, { tenantId, kind, amount, currency: "CNY", idempotencyKey: `test:${randomUUID()}`, ...more });
      return entry;
    });
  } finally {
    restore();
  }
}

/** An active, started subscription: `seats` × `price` fen per seat-year, charged from `startMonth`. */
export async function activeSubscription(tenantId: string, planId: string, seats: number, price: number, startMonth: string, termEndMonth: string) {
  return db.subscription.create({
    data: { tenantId, planId, seats, pricePerSeatYear: price, currency: "CNY", status: "active", billingStartMonth: startMonth, termEndMonth, paidAt: new Date() },
  });
}

/** "Now" for the statement scenario: 2026-12-15 12:00 in Shanghai. */
export const STATEMENT_NOW = new Date("2026-12-15T04:00:00Z");

/**
 * A Shanghai tenant with three months of ledger, chosen around the month boundaries:
 * 2026-11-30T15:59:59.999Z is the last millisecond of November in Shanghai, and
 * 2026-11-30T16:30Z is already 00:30 on 1 December there (but still November in UTC).
 */
export async function seedStatementScenario(name = "甲公司") {
  const tenant = await db.tenant.create({ data: { name, timeZone: "Asia/Shanghai" } });
  const id = tenant.id;
  await addEntry(id, "payment", 2_000_000, "2026-10-15T02:00:00Z", { reference: "MS-TEST-0001", note: "Bank transfer" });
  await addEntry(id, "monthly_charge", -166_666, "2026-10-31T16:05:00Z", { reference: "2026-11", billingMonth: "2026-11", note: "100 seats × 20000 fen per seat-year" });
  await addEntry(id, "adjustment", 1_234, "2026-11-20T03:00:00Z", { note: "=1+1, goodwill" });
  await addEntry(id, "sla_credit", 500, "2026-11-30T15:59:59.999Z", { reference: "SLA-2026-10" });
  await addEntry(id, "monthly_charge", -166_674, "2026-11-30T16:30:00Z", { reference: "2026-12", billingMonth: "2026-12" });
  await addEntry(id, "refund", -10_000, "2026-12-10T06:00:00Z", { note: "Refund of the adjustment" });
  return tenant;
}

// The two routers of this part, mounted as billing mounts them, so the tests
// run the real procedure tiers and input schemas whatever the wiring in server/billing/router.ts.
const testRouter = router({ ops: opsBillingRouter, statements: statementsRouter });
export const callerFor = (user: SessionUser | null) => createCallerFactory(testRouter)(makeContext(user));

export { refusal } from "@/server/test/authz";
