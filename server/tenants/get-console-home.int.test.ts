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
      lastLoginAt: new Date("2026-03-02T01:30:00Z"),
      lastLoginIp: "203.0.113.7",
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
    expect(home.lastLogin).toEqual({ at: new Date("2026-03-02T01:30:00Z"), ip: "203.0.113.7" });
    expect(home.reseller).toEqual({ name: "Qingsong IT", contactName: "Li Wei", phone: "+86 21 5555 0101", email: "sales@qs.test" });
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
