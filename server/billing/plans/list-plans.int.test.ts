import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { listPlans } from "./list-plans";
import { listCatalogue } from "./list-catalogue";

const limits = { mailboxQuotaMb: 263 * 1024, attachmentLimitMb: 30, largeAttachmentLimitMb: 2048 };

describe("listPlans and listCatalogue", () => {
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
    expect(plans[0]).toMatchObject({
      pricePerSeatYear: 20_000,
      currency: "CNY",
      mailboxQuotaMb: 269_312,
      mailboxMessageLimit: null,
      aliasesPerMailbox: 5,
      domainsPerTenant: 5,
      dailySendLimit: 1000,
      active: true,
    });
  });

  it("offers customers only the plans on sale, without operator-only fields", async () => {
    const catalogue = await listCatalogue();
    expect(catalogue.map((p) => p.code)).toEqual(["std", "pro"]);
    expect(Object.keys(catalogue[0]!).sort()).toEqual(
      [
        "id",
        "code",
        "name",
        "pricePerSeatYear",
        "currency",
        "mailboxQuotaMb",
        "mailboxMessageLimit",
        "attachmentLimitMb",
        "largeAttachmentLimitMb",
        "aliasesPerMailbox",
        "domainsPerTenant",
        "dailySendLimit",
      ].sort(),
    );
  });
});
