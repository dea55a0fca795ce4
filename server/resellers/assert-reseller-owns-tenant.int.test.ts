import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { assertResellerOwnsTenant } from "./assert-reseller-owns-tenant";

let mine: { resellerId: string; tenantId: string };
let theirs: { resellerId: string; tenantId: string };
let directTenantId: string;

beforeAll(async () => {
  const make = async (name: string) => {
    const reseller = await db.reseller.create({ data: { name } });
    const tenant = await db.tenant.create({ data: { name: `${name} client`, resellerId: reseller.id } });
    return { resellerId: reseller.id, tenantId: tenant.id };
  };
  [mine, theirs] = await Promise.all([make("Mine"), make("Theirs")]);
  directTenantId = (await db.tenant.create({ data: { name: "Direct" } })).id;
});

describe("assertResellerOwnsTenant", () => {
  it("lets a reseller reach its own client tenant", async () => {
    await expect(assertResellerOwnsTenant(mine.resellerId, mine.tenantId)).resolves.toBeUndefined();
  });

  it.each([
    ["another reseller's client", () => theirs.tenantId],
    ["a tenant that buys directly", () => directTenantId],
    ["a tenant that does not exist", () => "no-such-tenant"],
  ])("answers NOT_FOUND for %s, so existence never leaks", async (_what, tenantId) => {
    await expect(assertResellerOwnsTenant(mine.resellerId, tenantId())).rejects.toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
  });
});
