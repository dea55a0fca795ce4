import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { createAuthSession } from "./sessions/create-auth-session";
import { revalidateSessionUser } from "./revalidate-session-user";
import { enrol, makeAccount, makeMailboxUser } from "./totp/totp-test-fixtures";
import type { SessionUser } from "./session-user";

const T0 = new Date("2026-11-28T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
let restore: () => void;
let token: SessionUser;
let otherTenantId: string;

beforeEach(async () => {
  restore = setClock(T0);
  const [tenant, other] = await Promise.all([db.tenant.create({ data: { name: "A" } }), db.tenant.create({ data: { name: "B" } })]);
  otherTenantId = other.id;
  token = await makeAccount("tenant_admin", { tenantId: tenant.id });
});
afterEach(() => restore());

const at = async (when: Date, t: SessionUser = token) => {
  restore();
  restore = setClock(when);
  return revalidateSessionUser(t);
};

describe("revalidateSessionUser: the account", () => {
  it("keeps a session whose account is unchanged, with its current name and no restriction", async () => {
    await db.user.update({ where: { id: token.id }, data: { name: "Renamed" } });
    expect(await revalidateSessionUser(token)).toEqual({ ...token, name: "Renamed", restriction: null });
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

describe("revalidateSessionUser: the AuthSession", () => {
  it("refuses a token without a session, with an unknown one, or with another account's", async () => {
    expect(await revalidateSessionUser({ ...token, sessionId: undefined })).toBeNull();
    expect(await revalidateSessionUser({ ...token, sessionId: "nope" })).toBeNull();
    const other = await makeAccount("tenant_admin", { tenantId: token.tenantId! });
    expect(await revalidateSessionUser({ ...token, sessionId: other.sessionId })).toBeNull();
  });

  it("refuses a revoked session", async () => {
    await db.authSession.update({ where: { id: token.sessionId! }, data: { revokedAt: T0, revokedReason: "test" } });
    expect(await revalidateSessionUser(token)).toBeNull();
  });

  it("ends after the idle timeout (30 min by default), and requests keep it alive", async () => {
    expect(await at(minutes(29))).not.toBeNull();
    expect(await at(minutes(58))).not.toBeNull(); // 29 min after the last request
    expect(await at(minutes(88))).toBeNull();
  });

  it("follows the idle timeout the tenant's policy sets now", async () => {
    await db.securityPolicy.create({ data: { scope: token.tenantId!, sessionIdleMinutes: 5 } });
    expect(await at(minutes(4))).not.toBeNull();
    expect(await at(minutes(10))).toBeNull();
  });

  it("ends at the absolute timeout however busy (12 h by default)", async () => {
    for (let m = 25; m < 12 * 60; m += 25) expect(await at(minutes(m))).not.toBeNull();
    expect(await at(minutes(12 * 60))).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    await at(new Date(T0.getTime() + 30_000));
    expect((await db.authSession.findUniqueOrThrow({ where: { id: token.sessionId! } })).lastSeenAt).toEqual(T0);
    await at(minutes(2));
    expect((await db.authSession.findUniqueOrThrow({ where: { id: token.sessionId! } })).lastSeenAt).toEqual(minutes(2));
  });

  it("takes its absolute timeout from the policy at sign-in", async () => {
    await db.securityPolicy.create({ data: { scope: token.tenantId!, sessionAbsoluteHours: 2 } });
    const id = await createAuthSession({ kind: "user", id: token.id, scope: token.tenantId! }, { ip: null, userAgent: null }, T0);
    expect((await db.authSession.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(minutes(120));
  });

  it("checks a mailbox user's session the same way", async () => {
    const box = await makeMailboxUser(token.tenantId!);
    expect(await revalidateSessionUser(box)).toMatchObject({ id: box.id, sessionId: box.sessionId, restriction: null });
    await db.authSession.update({ where: { id: box.sessionId! }, data: { revokedAt: T0 } });
    expect(await revalidateSessionUser(box)).toBeNull();
  });
});

describe("revalidateSessionUser: restriction", () => {
  it("asks for a new password once it has expired (tenant policy: 90 days by default)", async () => {
    await db.user.update({ where: { id: token.id }, data: { passwordChangedAt: new Date(T0.getTime() - 91 * 86_400_000) } });
    expect(await revalidateSessionUser(token)).toMatchObject({ restriction: "change_password" });
  });

  it("asks an operator to enrol a second factor until it has one", async () => {
    const operator = await makeAccount("operator");
    expect(await revalidateSessionUser(operator)).toMatchObject({ restriction: "enrol_totp" });
    await enrol(operator, T0);
    expect(await revalidateSessionUser(operator)).toMatchObject({ restriction: null });
  });

  it("asks tenant admins only when their tenant requires it", async () => {
    expect(await revalidateSessionUser(token)).toMatchObject({ restriction: null });
    await db.securityPolicy.create({ data: { scope: token.tenantId!, totpPolicy: "required" } });
    expect(await revalidateSessionUser(token)).toMatchObject({ restriction: "enrol_totp" });
  });

  it("gives a mailbox user change_password when the tenant's max age has passed", async () => {
    const box = await makeMailboxUser(token.tenantId!);
    await db.mailbox.update({ where: { id: box.id }, data: { passwordChangedAt: new Date(T0.getTime() - 91 * 86_400_000) } });
    expect(await revalidateSessionUser(box)).toMatchObject({ restriction: "change_password" });
  });
});
