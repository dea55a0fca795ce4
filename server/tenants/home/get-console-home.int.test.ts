import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { MONTHLY_FEE, SEATS, seedTenant, shanghaiMorning } from "@/server/billing/lifecycle/lifecycle-test-fixtures";
import { getConsoleHome } from "./get-console-home";

let restoreClock: (() => void) | undefined;
afterEach(() => {
  restoreClock?.();
  restoreClock = undefined;
});

/** `count` mailbox rows of the tenant (only the seat count matters here). */
async function addMailboxes(tenantId: string, count: number) {
  const domain = await db.domain.create({ data: { tenantId, name: `${tenantId}.example.com`, unicodeName: `${tenantId}.example.com`, ownershipToken: "0".repeat(32) } });
  await db.mailbox.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      tenantId,
      domainId: domain.id,
      localPart: `u${i}`,
      address: `u${i}@${domain.name}`,
      displayName: `U${i}`,
      quotaMb: 1024,
      passwordHash: "x",
    })),
  });
}

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
      data: { name: "Qingsong IT", contactName: "Li Wei", contactPhone: "+86 21 5555 0101", contactEmail: "sales@qs.test", serviceHours: "周一至周五 9:00–18:00" },
    });
    const { tenant, admin } = await tenantWithAdmin("Xinghe Trade", reseller.id);
    const home = await getConsoleHome(tenant.id, admin.id);
    expect(home.tenant).toMatchObject({ name: "Xinghe Trade", status: "active", timeZone: "Asia/Shanghai" });
    expect(home.previousLogin).toBeNull(); // never signed in before
    expect(home.contact).toEqual({
      kind: "reseller",
      name: "Qingsong IT",
      contactName: "Li Wei",
      phone: "+86 21 5555 0101",
      email: "sales@qs.test",
      logo: null,
      hours: "周一至周五 9:00–18:00",
    });
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

  it("shows the platform's own card to a tenant that buys directly", async () => {
    const { tenant, admin } = await tenantWithAdmin("Direct Co", null);
    expect((await getConsoleHome(tenant.id, admin.id)).contact).toMatchObject({ kind: "platform", name: "Mailstead 企业邮箱", phone: "400-800-0263", email: "support@mailstead.net" });
  });

  it("shows a sub-reseller's client the sub-reseller's card, not the parent's", async () => {
    const parent = await db.reseller.create({ data: { name: "Parent Agent" } });
    const sub = await db.reseller.create({ data: { name: "Sub Agent", parentId: parent.id, contactPhone: "021-1234" } });
    const { tenant, admin } = await tenantWithAdmin("Sub Client", sub.id);
    expect((await getConsoleHome(tenant.id, admin.id)).contact).toMatchObject({ kind: "reseller", name: "Sub Agent", phone: "021-1234" });
  });

  it("refuses a user of another tenant", async () => {
    const a = await tenantWithAdmin("A", null);
    const b = await tenantWithAdmin("B", null);
    await expect(getConsoleHome(a.tenant.id, b.admin.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("summarises the plan from billing: name, seats used of paid, paid-through day", async () => {
    restoreClock = setClock(shanghaiMorning("2026-05-10"));
    const seed = await seedTenant({ startMonth: "2026-05", payment: 5 * MONTHLY_FEE });
    const admin = await db.user.findFirstOrThrow({ where: { tenantId: seed.tenantId } });
    await addMailboxes(seed.tenantId, 12);
    expect((await getConsoleHome(seed.tenantId, admin.id)).plan).toEqual({
      planName: "Std",
      status: "active",
      seats: { paid: SEATS, used: 12, free: SEATS - 12 },
      paidThroughDay: "2026-09-30",
      capped: false,
    });
  });

  it("has an empty plan card before the first order", async () => {
    const { tenant, admin } = await tenantWithAdmin("No plan", null);
    expect((await getConsoleHome(tenant.id, admin.id)).plan).toEqual({ planName: null, status: null, seats: { paid: 0, used: 0, free: 0 }, paidThroughDay: null, capped: false });
  });

  it("reminds of nearly full seats, an expiring password under the tenant's policy and the missing second factor", async () => {
    restoreClock = setClock(shanghaiMorning("2026-05-10"));
    const seed = await seedTenant({ startMonth: "2026-05", payment: MONTHLY_FEE });
    const admin = await db.user.findFirstOrThrow({ where: { tenantId: seed.tenantId } });
    await db.user.update({ where: { id: admin.id }, data: { passwordChangedAt: new Date("2026-02-15T02:00:00Z") } }); // expires 2026-05-16
    await addMailboxes(seed.tenantId, 108); // 90 % of 120
    const home = await getConsoleHome(seed.tenantId, admin.id);
    expect(home.reminders).toEqual([{ kind: "seats_nearly_full", paid: SEATS, used: 108, free: 12 }]);
    expect(home.security).toEqual({
      newNetworkSignIn: null,
      passwordExpiring: { state: "expiring", expiresAt: new Date("2026-05-16T02:00:00Z"), daysLeft: 6, maxAgeDays: 90 },
      secondFactorMissing: { required: false },
    });
    // The tenant's own policy decides: passwords kept 120 days are not due yet; a factor is required.
    await db.securityPolicy.create({ data: { scope: seed.tenantId, passwordMaxAgeDays: 120, totpPolicy: "required" } });
    expect((await getConsoleHome(seed.tenantId, admin.id)).security).toMatchObject({ passwordExpiring: null, secondFactorMissing: { required: true } });
    // Enrolled: no reminder.
    await db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date("2026-05-01T00:00:00Z") } });
    expect((await getConsoleHome(seed.tenantId, admin.id)).security.secondFactorMissing).toBeNull();
  });

  it("counts a never-changed password from the account's creation, and is quiet while it is fresh", async () => {
    const { tenant, admin } = await tenantWithAdmin("Fresh", null);
    restoreClock = setClock(new Date(admin.createdAt.getTime() + 75 * 86_400_000 - 1)); // just over 15 days left
    expect((await getConsoleHome(tenant.id, admin.id)).security.passwordExpiring).toBeNull();
    restoreClock();
    restoreClock = setClock(new Date(admin.createdAt.getTime() + 76 * 86_400_000));
    expect((await getConsoleHome(tenant.id, admin.id)).security.passwordExpiring).toMatchObject({ state: "expiring", daysLeft: 14 });
    restoreClock();
    restoreClock = setClock(new Date(admin.createdAt.getTime() + 91 * 86_400_000));
    expect((await getConsoleHome(tenant.id, admin.id)).security.passwordExpiring).toMatchObject({ state: "expired", daysLeft: 0 });
  });
});
