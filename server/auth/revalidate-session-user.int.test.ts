import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { revalidateSessionUser } from "./revalidate-session-user";
import type { SessionUser } from "./session-user";

let token: SessionUser;
let otherTenantId: string;

beforeEach(async () => {
  const [tenant, other] = await Promise.all([db.tenant.create({ data: { name: "A" } }), db.tenant.create({ data: { name: "B" } })]);
  otherTenantId = other.id;
  const row = await db.user.create({
    data: { email: `a${Date.now()}${Math.random()}@t.local`, name: "A", passwordHash: "x", role: "tenant_admin", tenantId: tenant.id },
  });
  token = { id: row.id, email: row.email, name: row.name, role: "tenant_admin", tenantId: tenant.id, resellerId: null };
});

describe("revalidateSessionUser", () => {
  it("keeps a session whose account is unchanged, with its current name", async () => {
    await db.user.update({ where: { id: token.id }, data: { name: "Renamed" } });
    expect(await revalidateSessionUser(token)).toEqual({ ...token, name: "Renamed" });
  });

  it("ends the session of a disabled account", async () => {
    await db.user.update({ where: { id: token.id }, data: { status: "disabled" } });
    expect(await revalidateSessionUser(token)).toBeNull();
  });

  it("ends the session of an account moved to another tenant", async () => {
    await db.user.update({ where: { id: token.id }, data: { tenantId: otherTenantId } });
    expect(await revalidateSessionUser(token)).toBeNull();
  });

  it("ends the session of an account given another role", async () => {
    await db.user.update({ where: { id: token.id }, data: { role: "operator", tenantId: null } });
    expect(await revalidateSessionUser(token)).toBeNull();
  });

  it("ends the session of a deleted account", async () => {
    await db.user.delete({ where: { id: token.id } });
    expect(await revalidateSessionUser(token)).toBeNull();
  });
});
