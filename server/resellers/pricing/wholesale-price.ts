import { DomainError, say } from "@/server/shared/errors";

// The reseller's wholesale price (decided for issue 10): a per-plan price when the operator set
// one, else the list price less the reseller's discount. Pure, so every figure on a quote, a
// charge and a statement comes from the same arithmetic.

/** 10000 basis points = 100 %. */
export const BPS_WHOLE = 10_000;

/** a × b / c rounded half up to a whole fen, in bigint so no product of fen loses precision. */
function mulDivHalfUp(a: number, b: number, c: number): number {
  if (c <= 0) throw new Error(`bad divisor ${c}`);
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  // Half up for non-negative amounts (all prices here are): floor((2n + d) / 2d).
  return Number((2n * n + d) / (2n * d));
}

/** Refuses a discount outside 0–100 % (in basis points): over 100 % the platform would pay the reseller to sell. */
export function assertDiscountBps(discountBps: number): void {
  if (!Number.isInteger(discountBps) || discountBps < 0 || discountBps > BPS_WHOLE) {
    const en = "The discount must be between 0 % and 100 % (0 to 10000 basis points, whole numbers)";
    const zh = "折扣须在 0% 到 100% 之间（0 到 10000 个基点，整数）";
    throw new DomainError("BAD_INPUT", say(en, zh), { discountBps: [say(en, zh)] });
  }
}

/**
 * Refuses a per-plan wholesale price above the list price: the reseller would sell at a loss
 * (its margin, list − wholesale, would be negative). Zero is allowed (a free plan for a partner).
 */
export function assertOverride(listPricePerSeatYear: number, override: number, field = "pricePerSeatYear"): void {
  if (!Number.isInteger(override) || override < 0) {
    const en = "The wholesale price must be a whole number of fen, zero or more";
    const zh = "批发价须为不小于零的整数（分）";
    throw new DomainError("BAD_INPUT", say(en, zh), { [field]: [say(en, zh)] });
  }
  if (override > listPricePerSeatYear) {
    const en = `The wholesale price (${override} fen) is above the list price (${listPricePerSeatYear} fen): the reseller's margin would be negative`;
    const zh = `批发价（${override} 分）高于标价（${listPricePerSeatYear} 分），经销商利润将为负数`;
    throw new DomainError("BAD_INPUT", say(en, zh), { [field]: [say(en, zh)] });
  }
}

/**
 * Wholesale price per seat-year: the override when set, else list × (10000 − discount) / 10000
 * rounded half up to a fen. Throws on a discount outside 0–100 % or an override above the list.
 */
export function wholesalePricePerSeatYear(listPrice: number, discountBps: number, override?: number | null): number {
  if (!Number.isInteger(listPrice) || listPrice < 0) throw new Error(`bad list price ${listPrice}`);
  if (override !== undefined && override !== null) {
    assertOverride(listPrice, override);
    return override;
  }
  assertDiscountBps(discountBps);
  return mulDivHalfUp(listPrice, BPS_WHOLE - discountBps, BPS_WHOLE);
}

/**
 * The wholesale share of an amount charged at the client's price (a top-up, or a whole order):
 * the same ratio as wholesale / list per seat-year, rounded half up. A free plan (list 0) has no
 * wholesale.
 */
export function wholesaleOf(clientAmount: number, listPricePerSeatYear: number, wholesalePricePerSeatYear: number): number {
  if (!Number.isSafeInteger(clientAmount) || clientAmount < 0) throw new Error(`bad client amount ${clientAmount}`);
  if (listPricePerSeatYear <= 0) return 0;
  if (wholesalePricePerSeatYear > listPricePerSeatYear) throw new Error("wholesale above list");
  return mulDivHalfUp(clientAmount, wholesalePricePerSeatYear, listPricePerSeatYear);
}

/** What a parent earns on its sub-reseller's sale: the gap between the two wholesale prices, never negative. */
export function overrideOf(childWholesale: number, parentWholesale: number): number {
  return Math.max(0, childWholesale - parentWholesale);
}
