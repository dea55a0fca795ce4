import { describe, expect, it } from "vitest";
import { advanceToMonth, projectCharges, type ServiceState } from "./service-terms";
import { billingStartMonth, termEndMonth } from "./billing-start";
import { daysUntilRunOut, firstUnchargedMonth, projectPaidThrough } from "./paid-through";

const SH = "Asia/Shanghai";
const state = (over: Partial<ServiceState> = {}): ServiceState => ({
  seats: 5,
  pricePerSeatYear: 20_000,
  termEndMonth: "2027-12",
  renewalPricePerSeatYear: 20_000,
  ...over,
});

describe("billing start (seed 002 appendix A, 服务开通)", () => {
  it("bills from the 1st of the month after the order is paid, in the tenant's calendar", () => {
    expect(billingStartMonth("on_payment", new Date("2026-11-26T04:00:00Z"), null, SH)).toBe("2026-12");
    // 30 November 20:00 UTC is 1 December 04:00 in Shanghai: paid in December, billed from January.
    expect(billingStartMonth("on_payment", new Date("2026-11-30T20:00:00Z"), null, SH)).toBe("2027-01");
    expect(billingStartMonth("on_payment", new Date("2026-12-15T00:00:00Z"), null, SH)).toBe("2027-01");
  });

  it("for an existing domain, bills from the month after its MX verifies, never before payment", () => {
    const paid = new Date("2026-11-10T00:00:00Z");
    expect(billingStartMonth("on_mx_verified", paid, null, SH)).toBeNull();
    expect(billingStartMonth("on_mx_verified", paid, new Date("2027-02-03T00:00:00Z"), SH)).toBe("2027-03");
    expect(billingStartMonth("on_mx_verified", paid, new Date("2026-10-01T00:00:00Z"), SH)).toBe("2026-12");
  });

  it("prepays whole-year terms", () => {
    expect(termEndMonth("2026-12", 1)).toBe("2027-12");
    expect(termEndMonth("2027-01", 3)).toBe("2030-01");
  });
});

describe("service terms month by month", () => {
  it("charges the term's price until the term ends, then renews at the plan's price of the day", () => {
    const s = state({ renewalPricePerSeatYear: 24_000 });
    const charges = projectCharges(s, null, "2026-12", 14);
    expect(charges.slice(0, 12).reduce((a, c) => a + c.fee, 0)).toBe(100_000);
    expect(charges[12]).toEqual({ month: "2027-12", fee: 10_000 }); // 5 × 24,000 / 12, December, no remainder
    const step = advanceToMonth(s, null, "2027-12");
    expect(step).toMatchObject({ renewed: true, state: { pricePerSeatYear: 24_000, termEndMonth: "2028-12" } });
  });

  it("applies a scheduled change from its month on", () => {
    const change = { effectiveMonth: "2027-03", seats: 10, pricePerSeatYear: 20_000, renewalPricePerSeatYear: 20_000 };
    const charges = projectCharges(state(), change, "2027-01", 4).map((c) => c.fee);
    expect(charges).toEqual([8_333, 8_333, 16_666, 16_666]);
  });
});

describe("paid-through projection", () => {
  it("a year's prepayment for 5 seats paid in November pays December to November", () => {
    const paid = projectPaidThrough({ balance: 100_000, state: state(), change: null, fromMonth: "2026-12" });
    expect(paid).toMatchObject({
      lastPaidMonth: "2027-11",
      paidThroughDay: "2027-11-30",
      runsOutMonth: "2027-12",
      runsOutDay: "2027-12-01",
      leftover: 0,
      capped: false,
    });
    expect(daysUntilRunOut(paid, "2027-11-01")).toBe(30);
  });

  it("a balance short of the first month pays nothing", () => {
    const paid = projectPaidThrough({ balance: 8_332, state: state(), change: null, fromMonth: "2027-01" });
    expect(paid).toMatchObject({ lastPaidMonth: null, paidThroughDay: null, runsOutMonth: "2027-01", leftover: 8_332 });
  });

  it("a balance that pays nothing more is still paid through the last charged month", () => {
    const paid = projectPaidThrough({ balance: 100, state: state(), change: null, fromMonth: "2027-02", lastChargedMonth: "2027-01" });
    expect(paid).toMatchObject({ lastPaidMonth: "2027-01", paidThroughDay: "2027-01-31", runsOutMonth: "2027-02" });
  });

  it("a huge balance is capped rather than looped forever", () => {
    const paid = projectPaidThrough({ balance: 1e13, state: state(), change: null, fromMonth: "2027-01" });
    expect(paid.capped).toBe(true);
    expect(paid.runsOutMonth).toBeNull();
  });

  it("starts from the first month neither charged nor past", () => {
    expect(firstUnchargedMonth("2026-12", null, "2026-11")).toBe("2026-12");
    expect(firstUnchargedMonth("2026-12", "2027-02", "2027-02")).toBe("2027-03");
    // Suspended since April, paying in June: June is due, not April.
    expect(firstUnchargedMonth("2026-12", "2027-03", "2027-06")).toBe("2027-06");
  });
});
