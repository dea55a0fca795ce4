import { describe, expect, it } from "vitest";
import type { PlanRow } from "@/server/billing/plans/plan.types";
import { ZCreatePlanRequest } from "@/server/billing/plans/create-plan.types";
import { DEMO_PLANS } from "@/prisma/seed/plans";
import { changedFields, fenToYuanText, toFormValues, toPlanFields } from "./plan-form-values";

// The seeded 263 standard plan, as the plans list returns it.
const std: PlanRow = { ...ZCreatePlanRequest.parse(DEMO_PLANS[0]), id: "p1", active: true, updatedAt: new Date("2026-01-01T00:00:00Z") };

describe("plan form values", () => {
  it("shows fen as exact yuan text", () => {
    expect([0, 1, 99, 100, 20_000, 36_050, 100_000_000].map(fenToYuanText)).toEqual([
      "0.00",
      "0.01",
      "0.99",
      "1.00",
      "200.00",
      "360.50",
      "1000000.00",
    ]);
  });

  it("round-trips a plan through the form without changes", () => {
    const fields = toPlanFields(toFormValues(std));
    expect(fields.pricePerSeatYear).toBe(20_000);
    expect(changedFields(fields, std)).toEqual({});
  });

  it("sends only what changed, the price in fen", () => {
    const values = { ...toFormValues(std), name: "标准版 Standard ", pricePerSeatYear: "1,234.5", mailboxMessageLimit: null };
    expect(changedFields(toPlanFields(values), std)).toEqual({ pricePerSeatYear: 123_450, mailboxMessageLimit: null });
  });

  it("starts a new plan from the platform-wide defaults", () => {
    expect(toFormValues(null)).toMatchObject({ aliasesPerMailbox: 5, domainsPerTenant: 5, dailySendLimit: 1000, pricePerSeatYear: "" });
  });

  it("sends text that is not an amount as NaN, for the server to refuse by field", () => {
    expect(toPlanFields({ ...toFormValues(std), pricePerSeatYear: "12.345" }).pricePerSeatYear).toBeNaN();
  });
});
