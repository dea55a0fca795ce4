import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { getOpsOverview } from "./get-ops-overview";
import { getSavedLocale } from "./get-saved-locale";

describe("getOpsOverview", () => {
  it("counts tenants, resellers, users and plans across the platform", async () => {
    expect(await getOpsOverview()).toEqual({ tenants: 0, resellers: 0, users: 0, plans: 0 });
    const reseller = await db.reseller.create({ data: { name: "R" } });
    await db.tenant.createMany({ data: [{ name: "T1", resellerId: reseller.id }, { name: "T2" }] });
    await db.user.create({ data: { email: "ops@x.test", name: "Ops", passwordHash: "x", role: "operator" } });
    await db.plan.create({
      data: { code: "std", name: "Standard", pricePerSeatYear: 20_000, mailboxQuotaMb: 1024, attachmentLimitMb: 30, largeAttachmentLimitMb: 2048 },
    });
    expect(await getOpsOverview()).toEqual({ tenants: 2, resellers: 1, users: 1, plans: 1 });
  });
});

// Beside the overview to share this file's database: both are the portal's small reads.
describe("getSavedLocale", () => {
  it("returns the saved language, and null when none or an unknown one is stored", async () => {
    const make = (email: string, locale: string | null) =>
      db.user.create({ data: { email, name: "U", passwordHash: "x", role: "operator", locale } });
    expect(await getSavedLocale((await make("en@x.test", "en")).id)).toBe("en");
    expect(await getSavedLocale((await make("none@x.test", null)).id)).toBeNull();
    expect(await getSavedLocale((await make("fr@x.test", "fr")).id)).toBeNull();
    expect(await getSavedLocale("missing")).toBeNull();
  });
});
