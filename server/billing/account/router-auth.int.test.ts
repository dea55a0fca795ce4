import { beforeAll } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { describeMatrix, OK, type Outcome } from "@/server/test/authz";
import { createOrder } from "../orders/create-order";
import { scheduleResize } from "../resize/schedule-resize";
import { confirmBankTransfer } from "../orders/confirm-bank-transfer";
import { db } from "@/server/shared/db";
import { createBillingTenant, createPlan, operatorActor, operatorUser, requestId, resellerUser } from "../billing-test-fixtures";

// Customer billing and transfer confirmation × every kind of caller. The customer procedures take
// no tenant id; those that take an order or resize id are called by the OTHER tenant's admin with
// this tenant's id and must answer NOT_FOUND (never revealing that the id exists).
type Who = "anonymous" | "owner" | "otherTenant" | "reseller" | "operator";
let users: Record<Who, SessionUser | null>;
let planId: string;
let pendingOrderId: string;
let resizeId: string;

beforeAll(async () => {
  const plan = await createPlan();
  planId = plan.id;
  const a = await createBillingTenant("甲");
  const b = await createBillingTenant("乙");
  const paid = await createOrder(a.actor, a.tenant.id, { planId, seats: 10, termYears: 1, startRule: "on_payment", method: "bank_transfer", idempotencyKey: requestId() });
  await confirmBankTransfer(operatorActor, { reference: paid.reference, amount: paid.amount });
  await db.subscription.updateMany({ where: { tenantId: a.tenant.id }, data: { billingStartMonth: "2026-01" } });
  resizeId = (await scheduleResize(a.actor, a.tenant.id, { planId, seats: 20, idempotencyKey: requestId() })).id;
  const top = await db.order.create({
    data: { tenantId: a.tenant.id, kind: "top_up", amount: 100_000n, currency: "CNY", reference: "MS-TEST-0001", idempotencyKey: requestId() },
  });
  pendingOrderId = top.id;
  users = { anonymous: null, owner: a.admin, otherTenant: b.admin, reseller: resellerUser, operator: operatorUser };
});

const call = (w: Who) => createCaller(makeContext(users[w]));
const calls: Record<string, (w: Who) => Promise<unknown>> = {
  overview: (w) => call(w).billing.account.overview(),
  orders: (w) => call(w).billing.account.orders(),
  checkSeats: (w) => call(w).billing.account.checkSeats({ seats: 103 }),
  previewTopUp: (w) => call(w).billing.account.previewTopUp({ amount: 100_000 }),
  cancelOrder: (w) => call(w).billing.account.cancelOrder({ orderId: pendingOrderId }),
  previewResize: (w) => call(w).billing.account.previewResize({ planId, seats: 30 }),
  cancelResize: (w) => call(w).billing.account.cancelResize({ resizeId }),
  transfersPending: (w) => call(w).billing.transfers.pending(),
  transfersConfirm: (w) => call(w).billing.transfers.confirm({ reference: "MS-NONE-0000", amount: 100 }),
};

const customerOnly = (owner: Outcome, otherTenant: Outcome = OK): Record<Who, Outcome> => ({
  anonymous: "UNAUTHORIZED",
  owner,
  otherTenant,
  reseller: "FORBIDDEN",
  operator: "FORBIDDEN",
});
const operatorOnly = (operator: Outcome): Record<Who, Outcome> => ({
  anonymous: "UNAUTHORIZED",
  owner: "FORBIDDEN",
  otherTenant: "FORBIDDEN",
  reseller: "FORBIDDEN",
  operator,
});

describeMatrix<Who>("billing.account and billing.transfers × callers", calls, {
  overview: customerOnly(OK),
  orders: customerOnly(OK),
  checkSeats: customerOnly(OK),
  // The other tenant has no subscription, which is not an authorisation matter: it still gets its own preview.
  previewTopUp: customerOnly(OK),
  cancelOrder: customerOnly(OK, "NOT_FOUND"),
  previewResize: customerOnly(OK, "PRECONDITION_FAILED"),
  cancelResize: customerOnly(OK, "NOT_FOUND"),
  transfersPending: operatorOnly(OK),
  transfersConfirm: operatorOnly("NOT_FOUND"),
});
