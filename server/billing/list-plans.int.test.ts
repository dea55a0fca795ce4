import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { listPlans } from "./list-plans";

const limits = { mailboxQuotaMb: 263 * 1024, attachmentLimitMb: 30, largeAttachmentLimitMb: 2048 };

describe("listPlans", () => {
  it("lists plans on sale cheapest first, then withdrawn ones, prices in integer fen", async () => {
    await db.plan.createMany({
      data: [
        { code: "pro", name: "Pro", pricePerSeatYear: 40_000, ...limits },
        { code: "std", name: "Standard", pricePerSeatYear: 20_000, ...limits },
        { code: "old", name: "Legacy", pricePerSeatYear: 10_000, active: false, ...limits },
      ],
    });
    const plans = await listPlans();
    expect(plans.map((p) => p.code)).toEqual(["std", "pro", "old"]);
    expect(plans[0]).toMatchObject({ pricePerSeatYear: 20_000, currency: "CNY", mailboxQuotaMb: 269_312, dailySendLimit: 1000 });
  });
});
