import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { previewResize, type ResizeInput } from "./resize";
import { addMonths } from "./months";
import { advanceToMonth, projectCharges } from "./service-terms";
import { isAllowedSeats } from "./seat-tiers";

const base: ResizeInput = {
  currentMonth: "2027-03",
  balance: 75_000,
  state: { seats: 5, pricePerSeatYear: 20_000, termEndMonth: "2027-12", renewalPricePerSeatYear: 20_000 },
  billingStartMonth: "2026-12",
  lastChargedMonth: "2027-03",
  samePlan: true,
  toSeats: 10,
  toPlanPricePerSeatYear: 20_000,
  mailboxCount: 3,
};

describe("resize (seed 002 appendix A, 服务变更)", () => {
  it("takes effect on the 1st of next month with the new monthly and yearly fee", () => {
    const p = previewResize(base);
    expect(p).toMatchObject({
      effectiveMonth: "2027-04",
      effectiveDay: "2027-04-01",
      currentMonthlyFee: 8_333,
      newMonthlyFee: 16_666,
      newYearlyFee: 200_000,
    });
    // Unchanged, 75,000 pays April–November (8 × 8,333 = 66,664); December's 8,337 would need 75,001.
    expect(p.before.lastPaidMonth).toBe("2027-11");
    // At 16,666 a month: April–July (66,664), then 8,336 left.
    expect(p.after).toMatchObject({ lastPaidMonth: "2027-07", paidThroughDay: "2027-07-31", leftover: 8_336 });
  });

  it("refuses when the balance is below one month's fee of the current service", () => {
    expect(() => previewResize({ ...base, balance: 8_332 })).toThrow(/below one month's fee.*¥83\.33/);
    expect(previewResize({ ...base, balance: 8_333 }).effectiveMonth).toBe("2027-04");
  });

  it("refuses fewer seats than existing mailboxes, naming the least allowed count", () => {
    expect(() => previewResize({ ...base, state: { ...base.state, seats: 20 }, toSeats: 10, mailboxCount: 12 })).toThrow(
      "You have 12 mailboxes, more than 10 seats: remove mailboxes first, or choose at least 15 seats",
    );
  });

  it("refuses off-tier seats and no change at all", () => {
    expect(() => previewResize({ ...base, toSeats: 103 })).toThrow(/Choose 100 or 110/);
    expect(() => previewResize({ ...base, toSeats: 5 })).toThrow(/already have/);
  });

  it("a new plan is priced at its price of the day; the same plan keeps the term's price", () => {
    const newPlan = previewResize({ ...base, samePlan: false, toSeats: 5, toPlanPricePerSeatYear: 36_000 });
    expect(newPlan.change).toMatchObject({ pricePerSeatYear: 36_000, renewalPricePerSeatYear: 36_000 });
    expect(newPlan.newMonthlyFee).toBe(15_000);
    const raised = previewResize({ ...base, toPlanPricePerSeatYear: 24_000 });
    expect(raised.change).toMatchObject({ pricePerSeatYear: 20_000, renewalPricePerSeatYear: 24_000 });
  });

  it("never starts before billing itself starts", () => {
    const p = previewResize({ ...base, currentMonth: "2026-11", billingStartMonth: "2027-01", lastChargedMonth: null });
    expect(p.effectiveMonth).toBe("2027-01");
  });

  it("property: the preview's fee and paid-through date are what the months then charge", () => {
    const month = fc.integer({ min: 0, max: 120 }).map((i) => addMonths("2026-01", i));
    const seats = fc.integer({ min: 5, max: 3_000 }).filter(isAllowedSeats);
    const price = fc.integer({ min: 1, max: 1_000_000 });
    fc.assert(
      fc.property(month, seats, seats, price, price, price, fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 24 }), fc.boolean(),
        (current, fromSeats, toSeats, locked, renewal, target, balance, termLeft, samePlan) => {
          const input: ResizeInput = {
            ...base,
            currentMonth: current,
            balance,
            state: { seats: fromSeats, pricePerSeatYear: locked, termEndMonth: addMonths(current, termLeft), renewalPricePerSeatYear: renewal },
            billingStartMonth: addMonths(current, -1),
            lastChargedMonth: current,
            samePlan,
            toSeats,
            toPlanPricePerSeatYear: samePlan ? renewal : target,
            mailboxCount: 0,
          };
          let p;
          try {
            p = previewResize(input);
          } catch {
            return; // refusals are covered above
          }
          const charged = projectCharges(input.state, p.change, p.effectiveMonth, 30);
          expect(charged[0]?.fee).toBe(p.newMonthlyFee);
          expect(advanceToMonth(input.state, null, p.effectiveMonth).fee).toBe(p.currentMonthlyFee);
          // Walk the balance down month by month as the run would.
          let left = balance;
          let last: string | null = current; // the current month is already charged
          for (const c of charged) {
            if (left < c.fee) break;
            left -= c.fee;
            last = c.month;
          }
          if (p.after.runsOutMonth && p.after.runsOutMonth <= addMonths(p.effectiveMonth, 29)) expect(p.after.lastPaidMonth).toBe(last);
        },
      ),
      { numRuns: 500 },
    );
  });
});
