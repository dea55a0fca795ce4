import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { getConsoleHome } from "./get-console-home";

async function tenantWithAdmin(name: string, resellerId: string | null) {
  const tenant = await db.tenant.create({ data: { name, resellerId } });
  const admin = await db.user.create({
    data: {
      email: `admin@${tenant.id}.test`,
      name: "Admin",
      passwordHash: "x",
      role: "tenant_admin",
      tenantId: tenant.id,
    },
  });
  return { tenant, admin };
}

describe("getConsoleHome", () => {
  it("shows the tenant, the admin's last sign-in and the reseller's contact card", async () => {
    const reseller = await db.reseller.create({
      data: { name: "Qingsong IT", contactName: "Li Wei", contactPhone: "+86 21 5555 0101", contactEmail: "sales@qs.test" },
    });
    const { tenant, admin } = await tenantWithAdmin("Xinghe Trade", reseller.id);
    const home = await getConsoleHome(tenant.id, admin.id);
    expect(home.tenant).toMatchObject({ name: "Xinghe Trade", status: "active", timeZone: "Asia/Shanghai" });
    expect(home.previousLogin).toBeNull(); // never signed in before
    expect(home.reseller).toEqual({ name: "Qingsong IT", contactName: "Li Wei", phone: "+86 21 5555 0101", email: "sales@qs.test" });
  });

  it("shows the sign-in before this one and flags a different IP", async () => {
    const { tenant, admin } = await tenantWithAdmin("Login Co", null);
    const login = (at: string, ip: string, result: "success" | "bad_credentials" = "success") =>
      db.loginEvent.create({ data: { userId: admin.id, email: admin.email, ip, result, occurredAt: new Date(at) } });
    await login("2026-03-01T01:00:00Z", "203.0.113.7");
    await login("2026-03-02T01:00:00Z", "198.51.100.1", "bad_credentials"); // failures are not sign-ins
    await login("2026-03-02T01:30:00Z", "203.0.113.7");
    expect((await getConsoleHome(tenant.id, admin.id)).previousLogin).toEqual({
      at: new Date("2026-03-01T01:00:00Z"),
      ip: "203.0.113.7",
      ipChanged: false,
    });
    await login("2026-03-03T08:00:00Z", "192.0.2.55");
    expect((await getConsoleHome(tenant.id, admin.id)).previousLogin).toMatchObject({ ip: "203.0.113.7", ipChanged: true });
  });

  it("has no reseller card for a tenant that buys directly", async () => {
    const { tenant, admin } = await tenantWithAdmin("Direct Co", null);
    expect((await getConsoleHome(tenant.id, admin.id)).reseller).toBeNull();
  });

  it("refuses a user of another tenant", async () => {
    const a = await tenantWithAdmin("A", null);
    const b = await tenantWithAdmin("B", null);
    await expect(getConsoleHome(a.tenant.id, b.admin.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
