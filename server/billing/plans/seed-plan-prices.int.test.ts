import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";

// The demo catalogue (prisma/seed/plans.ts) starts each plan's price history when it creates the plan.
describe("seeding the demo plans", () => {
  it("writes one price-history row per plan it creates, and none when run again", async () => {
    const restore = setClock(new Date("2026-02-01T08:00:00Z"));
    try {
      await seedDemoData(db);
      await seedDemoData(db);
    } finally {
      restore();
    }
    const plans = await db.plan.findMany({ include: { prices: true }, orderBy: { code: "asc" } });
    expect(plans.map((p) => [p.code, p.prices.map((r) => [r.pricePerSeatYear, r.currency, r.effectiveFrom.toISOString(), r.changedById])])).toEqual([
      ["pro-263", [[36_000, "CNY", "2026-02-01T08:00:00.000Z", null]]],
      ["std-263", [[20_000, "CNY", "2026-02-01T08:00:00.000Z", null]]],
    ]);
  });
});
