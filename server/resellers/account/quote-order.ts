import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { assertPositiveFen, toFen } from "@/server/shared/money";
import { prepaymentFor } from "@/server/billing/rules/fees";
import { assertAllowedSeats } from "@/server/billing/rules/seat-tiers";
import { assertResellerOwnsTenant } from "../assert-reseller-owns-tenant";
import { loadWholesale } from "../pricing/load-wholesale";
import { wholesaleOf } from "../pricing/wholesale-price";
import type { TQuoteOrderRequest, TQuoteTopUpRequest } from "./account.types";
import { findReseller } from "./reseller-entry-view";
import { effectiveStatus } from "../ops/tree-rules";
import { parentStanding, resellerBalance } from "./reseller-ledger";
import { creditPosition, onAccountRefusal, type OnAccountCase, type OnAccountRefusal } from "./on-account-rules";

export type Quote = {
  /** The reseller whose account pays: the client's own reseller (a sub-reseller, for its clients). */
  resellerId: string;
  /** The order's currency; `accountCurrency` is the paying reseller's (they must match). */
  currency: string;
  accountCurrency: string;
  clientAmount: number;
  wholesale: number;
  margin: number;
  balance: number;
  owed: number;
  creditLimit: number;
  available: number;
  /** Whether paying on account would be accepted now (same rule as the order itself). */
  fits: boolean;
  /** The same as `fits`; `reason` says why not (the order would be refused with that reason's error). */
  allowed: boolean;
  reason: OnAccountRefusal | null;
  /** Suspended itself or through its parent. */
  suspended: boolean;
};

/** The paying reseller: the client's owner when a tenant is named (checked through the tree), else the caller. */
async function payer(resellerId: string, tenantId: string | undefined): Promise<string> {
  return tenantId ? (await assertResellerOwnsTenant(resellerId, tenantId)).ownerResellerId : resellerId;
}

async function quoteFor(actingResellerId: string, resellerId: string, currency: string, clientAmount: number, wholesale: number): Promise<Quote> {
  const reseller = await findReseller(resellerId);
  const position = creditPosition(await resellerBalance(db, resellerId, reseller.currency), toFen(reseller.creditLimit));
  const check: OnAccountCase = { actingResellerId, reseller: { ...reseller, parent: await parentStanding(db, reseller) }, orderCurrency: currency, wholesale, position };
  const reason = onAccountRefusal(check);
  const suspended = effectiveStatus(check.reseller) !== "active";
  // A parent asking about its sub-reseller's client learns it must leave that to the sub, not the
  // sub's credit: a sub-reseller's books are its own.
  const shown = reason === "sub_reseller_client" ? creditPosition(0, 0) : position;
  return {
    resellerId,
    currency,
    accountCurrency: reseller.currency,
    clientAmount,
    wholesale,
    margin: clientAmount - wholesale,
    ...shown,
    suspended,
    fits: reason === null,
    allowed: reason === null,
    reason,
  };
}

/** The order form's figures for a reseller: the client's price, its wholesale price, and the credit left. */
export async function quoteOrder(resellerId: string, input: TQuoteOrderRequest): Promise<Quote> {
  assertAllowedSeats(input.seats);
  const owner = await payer(resellerId, input.tenantId);
  const plan = await db.plan.findUnique({ where: { id: input.planId } });
  if (!plan || !plan.active) {
    const text = say("This plan is not on sale", "此套餐未在售");
    throw new DomainError("BAD_INPUT", text, { planId: [text] });
  }
  const clientAmount = prepaymentFor(input.seats, plan.pricePerSeatYear, input.termYears);
  const terms = await loadWholesale(db, owner, plan.id);
  return quoteFor(resellerId, owner, plan.currency, clientAmount, wholesaleOf(clientAmount, terms.listPricePerSeatYear, terms.wholesalePricePerSeatYear));
}

/** The same for a top-up of the client's active subscription, at that subscription's price. */
export async function quoteTopUp(resellerId: string, input: TQuoteTopUpRequest): Promise<Quote> {
  assertPositiveFen(input.amount);
  const owner = await payer(resellerId, input.tenantId);
  const sub = await db.subscription.findFirst({ where: { tenantId: input.tenantId, status: "active" }, orderBy: { createdAt: "desc" } });
  if (!sub) throw new DomainError("PRECONDITION_FAILED", say("Order a plan first: a top-up adds to an active subscription", "请先订购套餐：续费需基于有效的订阅"));
  const terms = await loadWholesale(db, owner, sub.planId, sub.pricePerSeatYear);
  return quoteFor(resellerId, owner, sub.currency, input.amount, wholesaleOf(input.amount, terms.listPricePerSeatYear, terms.wholesalePricePerSeatYear));
}
