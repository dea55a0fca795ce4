import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { moneyTransaction } from "@/server/billing/ledger/money-transaction";
import { DomainError, say } from "@/server/shared/errors";
import { assertDiscountBps, assertOverride } from "../pricing/wholesale-price";
import type { TSetPricingRequest } from "./account.types";
import { listPrices, type PriceList } from "./list-prices";
import { lockReseller } from "./reseller-ledger";

function refuse(field: string, en: string, zh: string): never {
  throw new DomainError("BAD_INPUT", say(en, zh), { [field]: [say(en, zh)] });
}

/**
 * An operator sets a reseller's discount and per-plan wholesale prices (null removes a plan's
 * price). Everything is checked before anything is written, so a bad row leaves the old pricing
 * whole. New prices apply to orders paid from now on; the audit keeps before and after.
 */
export async function setPricing(actor: AuditActor, input: TSetPricingRequest): Promise<PriceList> {
  assertDiscountBps(input.discountBps);
  const seen = new Set<string>();
  input.prices.forEach((p, i) => {
    if (seen.has(p.planId)) refuse(`prices.${i}.planId`, "This plan is listed twice", "该套餐重复出现");
    seen.add(p.planId);
  });
  await moneyTransaction(async (tx) => {
    const reseller = await lockReseller(tx, input.resellerId);
    const plans = await tx.plan.findMany({ where: { id: { in: [...seen] } }, select: { id: true, code: true, pricePerSeatYear: true } });
    const byId = new Map(plans.map((p) => [p.id, p]));
    input.prices.forEach((p, i) => {
      const plan = byId.get(p.planId);
      if (!plan) refuse(`prices.${i}.planId`, "There is no such plan", "套餐不存在");
      if (p.pricePerSeatYear !== null) assertOverride(plan.pricePerSeatYear, p.pricePerSeatYear, `prices.${i}.pricePerSeatYear`);
    });
    const before = await tx.reseller.findUniqueOrThrow({ where: { id: reseller.id }, select: { discountBps: true, prices: { select: { planId: true, pricePerSeatYear: true } } } });
    await tx.reseller.update({ where: { id: reseller.id }, data: { discountBps: input.discountBps } });
    for (const p of input.prices) {
      const where = { resellerId_planId: { resellerId: reseller.id, planId: p.planId } };
      if (p.pricePerSeatYear === null) await tx.resellerPrice.deleteMany({ where: { resellerId: reseller.id, planId: p.planId } });
      else
        await tx.resellerPrice.upsert({
          where,
          create: { resellerId: reseller.id, planId: p.planId, pricePerSeatYear: p.pricePerSeatYear, changedById: actor.id },
          update: { pricePerSeatYear: p.pricePerSeatYear, changedById: actor.id },
        });
    }
    const after = await tx.reseller.findUniqueOrThrow({ where: { id: reseller.id }, select: { discountBps: true, prices: { select: { planId: true, pricePerSeatYear: true } } } });
    await recordAudit(actor, { action: "resellers.pricing.set", tenantId: null, target: { type: "reseller", id: reseller.id }, details: { before, after } }, tx);
  });
  return listPrices(input.resellerId);
}
