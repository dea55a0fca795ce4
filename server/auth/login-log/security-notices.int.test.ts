import { afterEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import { insertLogins } from "./login-log-test-fixtures";
import { NEW_NETWORK_NOTICE_DAYS, securityNotices } from "./security-notices";

// The home pages' security warnings: a recent sign-in from a new network, the password expiring
// under the account's own scope's policy, and a missing second factor.

const NOW = new Date("2026-06-10T02:00:00Z");
let restoreClock: () => void = () => {};
afterEach(() => restoreClock());

async function account(role: "tenant_admin" | "operator" | "reseller", more: { passwordChangedAt?: Date; totpEnabledAt?: Date } = {}): Promise<SessionUser> {
  const tenant = role === "tenant_admin" ? await db.tenant.create({ data: { name: "Notice Co" } }) : null;
  const reseller = role === "reseller" ? await db.reseller.create({ data: { name: "Notice Agent" } }) : null;
  const row = await db.user.create({
    data: { email: `${role}-${Math.random().toString(36).slice(2)}@n.test`, name: role, passwordHash: "x", role, tenantId: tenant?.id ?? null, resellerId: reseller?.id ?? null, passwordChangedAt: more.passwordChangedAt ?? NOW, totpEnabledAt: more.totpEnabledAt ?? null },
  });
  return { id: row.id, email: row.email, name: row.name, role, tenantId: row.tenantId, resellerId: row.resellerId };
}

const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("securityNotices", () => {
  it("warns of the newest recent sign-in from a new network, naming its /24", async () => {
    restoreClock = setClock(NOW);
    const admin = await account("tenant_admin", { totpEnabledAt: NOW });
    await insertLogins([
      { userId: admin.id, accountKind: "user", email: admin.email, ip: "198.51.100.9", newNetwork: true, occurredAt: hoursAgo(30) },
      { userId: admin.id, accountKind: "user", email: admin.email, ip: "203.0.113.77", newNetwork: true, occurredAt: hoursAgo(2) },
      // Later sign-ins from known networks do not hide it: the warning stays for a week.
      { userId: admin.id, accountKind: "user", email: admin.email, ip: "198.51.100.9", occurredAt: hoursAgo(1) },
      // A refused attempt is not a sign-in, and a mailbox's row with the same id is not this account's.
      { userId: admin.id, accountKind: "user", email: admin.email, ip: "192.0.2.1", result: "bad_credentials", newNetwork: true, occurredAt: hoursAgo(0.5) },
      { userId: admin.id, accountKind: "mailbox", email: "box@n.test", ip: "192.0.2.2", newNetwork: true, occurredAt: hoursAgo(0.2) },
    ]);
    expect(await securityNotices(admin)).toEqual({
      newNetworkSignIn: { at: hoursAgo(2), ip: "203.0.113.77", network: "203.0.113.0/24" },
      passwordExpiring: null,
      secondFactorMissing: null,
    });
  });

  it(`forgets a new network after ${NEW_NETWORK_NOTICE_DAYS} days`, async () => {
    restoreClock = setClock(NOW);
    const admin = await account("tenant_admin", { totpEnabledAt: NOW });
    await insertLogins([{ userId: admin.id, accountKind: "user", email: admin.email, ip: "2001:db8:1:2::3", newNetwork: true, occurredAt: hoursAgo(NEW_NETWORK_NOTICE_DAYS * 24 + 1) }]);
    expect((await securityNotices(admin)).newNetworkSignIn).toBeNull();
    await insertLogins([{ userId: admin.id, accountKind: "user", email: admin.email, ip: "2001:db8:1:2::3", newNetwork: true, occurredAt: hoursAgo(1) }]);
    expect((await securityNotices(admin)).newNetworkSignIn?.network).toBe("2001:db8:1::/48");
  });

  it("staff follow the platform policy: an operator always needs a factor, a reseller when the platform says so", async () => {
    restoreClock = setClock(NOW);
    const operator = await account("operator");
    const reseller = await account("reseller", { passwordChangedAt: new Date(NOW.getTime() - 85 * 86_400_000) });
    expect((await securityNotices(operator)).secondFactorMissing).toEqual({ required: true });
    expect(await securityNotices(reseller)).toMatchObject({
      secondFactorMissing: { required: false },
      passwordExpiring: { state: "expiring", daysLeft: 5, maxAgeDays: 90 },
    });
    await db.securityPolicy.create({ data: { scope: "platform", totpPolicy: "required", passwordMaxAgeDays: 0 } });
    expect(await securityNotices(reseller)).toMatchObject({ secondFactorMissing: { required: true }, passwordExpiring: null });
    await db.securityPolicy.delete({ where: { scope: "platform" } });
  });

  it("is served to each portal account for itself through security.loginLog.notices", async () => {
    restoreClock = setClock(NOW);
    const operator = await account("operator");
    const notices = await createCaller(makeContext(operator)).security.loginLog.notices();
    expect(notices.secondFactorMissing).toEqual({ required: true });
    // A session pointing at a user of another tenant (moved, stale) learns nothing.
    const admin = await account("tenant_admin");
    await expect(createCaller(makeContext({ ...admin, tenantId: "other-tenant" })).security.loginLog.notices()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
