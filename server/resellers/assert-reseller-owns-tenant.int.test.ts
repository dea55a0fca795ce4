import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { assertResellerOwnsTenant } from "./assert-reseller-owns-tenant";

type Branch = { resellerId: string; tenantId: string };
let mine: Branch;
let sub: Branch;
let siblingSub: Branch;
let theirs: Branch;
let directTenantId: string;

beforeAll(async () => {
  const make = async (name: string, parentId: string | null = null): Promise<Branch> => {
    const reseller = await db.reseller.create({ data: { name, parentId } });
    const tenant = await db.tenant.create({ data: { name: `${name} client`, resellerId: reseller.id } });
    return { resellerId: reseller.id, tenantId: tenant.id };
  };
  [mine, theirs] = await Promise.all([make("Mine"), make("Theirs")]);
  [sub, siblingSub] = await Promise.all([make("Mine's sub", mine.resellerId), make("Mine's other sub", mine.resellerId)]);
  directTenantId = (await db.tenant.create({ data: { name: "Direct" } })).id;
});

describe("assertResellerOwnsTenant", () => {
  it("lets a reseller reach its own client tenant", async () => {
    await expect(assertResellerOwnsTenant(mine.resellerId, mine.tenantId)).resolves.toEqual({ ownerResellerId: mine.resellerId });
  });

  it("lets a reseller reach its sub-reseller's client, naming the sub-reseller as the owner", async () => {
    await expect(assertResellerOwnsTenant(mine.resellerId, sub.tenantId)).resolves.toEqual({ ownerResellerId: sub.resellerId });
  });

  it.each([
    ["another reseller's client", () => mine.resellerId, () => theirs.tenantId],
    ["a tenant that buys directly", () => mine.resellerId, () => directTenantId],
    ["a tenant that does not exist", () => mine.resellerId, () => "no-such-tenant"],
    ["a sub-reseller reaching its parent's client", () => sub.resellerId, () => mine.tenantId],
    ["a sub-reseller reaching its sibling's client", () => sub.resellerId, () => siblingSub.tenantId],
  ])("answers NOT_FOUND for %s, so existence never leaks", async (_what, resellerId, tenantId) => {
    await expect(assertResellerOwnsTenant(resellerId(), tenantId())).rejects.toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
  });
});
