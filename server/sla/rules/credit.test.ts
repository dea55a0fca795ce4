import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/shared/errors";
import { checkCreditAmount, proposeCredit, unionMinutes } from "./credit";

describe("proposeCredit (双倍赔偿, capped at the fees paid)", () => {
  it("50 failure minutes: 100 credit minutes; a fee of 30,000 fen gives 69 fen (69.44 rounds down)", () => {
    const c = proposeCredit({ failureMinutes: 50, monthFee: 30_000n, feesPaid: 30_000n });
    expect(c).toMatchObject({ failureMinutes: 50, creditMinutes: 100, proposedAmount: 69n, capAmount: 30_000n, amount: 69n });
    expect(c.steps).toContain("value: ¥300.00 × 100 / 43200 = ¥0.69");
  });

  it("rounds half a fen up", () => {
    // 21,600 fen × 1 / 43,200 = 0.5 fen → 1; 21,599 → 0.49998 → 0.
    expect(proposeCredit({ failureMinutes: 1, monthFee: 10_800n, feesPaid: 99n }).proposedAmount).toBe(1n);
    expect(proposeCredit({ failureMinutes: 1, monthFee: 10_799n, feesPaid: 99n }).proposedAmount).toBe(0n);
  });

  it("is capped by the fees paid, and is zero when nothing was paid", () => {
    const c = proposeCredit({ failureMinutes: 50, monthFee: 3_000_000n, feesPaid: 5_000n });
    expect(c.proposedAmount).toBe(6_944n);
    expect(c.amount).toBe(5_000n);
    expect(c.steps.at(-1)).toBe("proposed credit: ¥50.00 (capped)");
    expect(proposeCredit({ failureMinutes: 50, monthFee: 30_000n, feesPaid: 0n }).amount).toBe(0n);
    expect(proposeCredit({ failureMinutes: 0, monthFee: 30_000n, feesPaid: 30_000n }).amount).toBe(0n);
  });

  it("one outage missing availability and connectivity in the same minutes: one credit of twice the union", () => {
    const availability = Array.from({ length: 50 }, (_, i) => 1000 + i);
    const connectivity = Array.from({ length: 30 }, (_, i) => 1020 + i); // inside the same outage
    const power = [1049, 1050]; // one minute past it
    const union = unionMinutes(availability, connectivity, power);
    expect(union).toHaveLength(51);
    expect(proposeCredit({ failureMinutes: union.length, monthFee: 43_200n, feesPaid: 43_200n }).amount).toBe(102n);
  });

  it("refuses negative or fractional inputs", () => {
    expect(() => proposeCredit({ failureMinutes: -1, monthFee: 1n, feesPaid: 1n })).toThrow(/failureMinutes/);
    expect(() => proposeCredit({ failureMinutes: 1.5, monthFee: 1n, feesPaid: 1n })).toThrow(RangeError);
    expect(() => proposeCredit({ failureMinutes: 1, monthFee: -1n, feesPaid: 1n })).toThrow(/monthFee/);
    expect(() => proposeCredit({ failureMinutes: 1, monthFee: 1n, feesPaid: -1n })).toThrow(/feesPaid/);
  });
});

describe("checkCreditAmount", () => {
  it("accepts zero up to the cap", () => {
    expect(checkCreditAmount(0n, 500n)).toBe(0n);
    expect(checkCreditAmount(500n, 500n)).toBe(500n);
  });

  it("refuses more than the cap, naming both figures in both languages", () => {
    const error = (() => {
      try {
        checkCreditAmount(50_001n, 50_000n);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error!.code).toBe("BAD_INPUT");
    expect(error!.message).toBe("A credit of ¥500.01 is more than the fees paid for the month (¥500.00)");
    expect(error!.messageIn("zh-CN")).toBe("补偿金额 ¥500.01 超过该月已付费用（¥500.00）");
    expect(error!.fieldErrors).toEqual({ amount: ["At most ¥500.00"] });
  });

  it("refuses a negative credit", () => {
    expect(() => checkCreditAmount(-1n, 500n)).toThrow("A credit cannot be negative (-¥0.01)");
  });
});
