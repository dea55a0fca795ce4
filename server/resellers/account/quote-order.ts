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
import { resellerBalance } from "./reseller-ledger";
import { creditPosition } from "./settle-reseller-order";

export type Quote = {
  /** The reseller whose account pays: the client's own reseller (a sub-reseller, for its clients). */
  resellerId: string;
  currency: string;
  clientAmount: number;
  wholesale: number;
  margin: number;
  balance: number;
  owed: number;
  creditLimit: number;
  available: number;
  /** Whether paying on account would be accepted now (active reseller, within the limit). */
  fits: boolean;
  suspended: boolean;
};

/** The paying reseller: the client's owner when a tenant is named (checked through the tree), else the caller. */
async function payer(resellerId: string, tenantId: string | undefined): Promise<string> {
  return tenantId ? (await assertResellerOwnsTenant(resellerId, tenantId)).ownerResellerId : resellerId;
}

async function quoteFor(resellerId: string, currency: string, clientAmount: number, wholesale: number): Promise<Quote> {
  const reseller = await findReseller(resellerId);
  const position = creditPosition(await resellerBalance(db, resellerId), toFen(reseller.creditLimit));
  const suspended = reseller.status !== "active";
  return { resellerId, currency, clientAmount, wholesale, margin: clientAmount - wholesale, ...position, suspended, fits: !suspended && position.owed + wholesale <= position.creditLimit };
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
  return quoteFor(owner, plan.currency, clientAmount, wholesaleOf(clientAmount, terms.listPricePerSeatYear, terms.wholesalePricePerSeatYear));
}

/** The same for a top-up of the client's active subscription, at that subscription's price. */
export async function quoteTopUp(resellerId: string, input: TQuoteTopUpRequest): Promise<Quote> {
  assertPositiveFen(input.amount);
  const owner = await payer(resellerId, input.tenantId);
  const sub = await db.subscription.findFirst({ where: { tenantId: input.tenantId, status: "active" }, orderBy: { createdAt: "desc" } });
  if (!sub) throw new DomainError("PRECONDITION_FAILED", say("Order a plan first: a top-up adds to an active subscription", "请先订购套餐：续费需基于有效的订阅"));
  const terms = await loadWholesale(db, owner, sub.planId, sub.pricePerSeatYear);
  return quoteFor(owner, sub.currency, input.amount, wholesaleOf(input.amount, terms.listPricePerSeatYear, terms.wholesalePricePerSeatYear));
}
