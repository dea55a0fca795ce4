import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { refusal } from "@/server/test/authz";
import { createAuthSession } from "./create-auth-session";
import { revalidateSessionUser } from "@/server/auth/revalidate-session-user";
import { callerFor, makeAccount, makeMailboxUser, makeWorld } from "@/server/auth/totp/totp-test-fixtures";
import type { SessionUser } from "@/server/auth/session-user";

const T0 = new Date("2026-11-28T10:00:00Z");
let restore: () => void;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  restore = setClock(T0);
  world = await makeWorld();
});
beforeEach(() => {
  restore();
  restore = setClock(T0);
});
afterEach(() => restore());

/** A second browser of the same account. */
async function secondBrowser(user: SessionUser, userAgent = "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36"): Promise<SessionUser> {
  const kind = user.role === "mailbox_user" ? "mailbox" : "user";
  return { ...user, sessionId: await createAuthSession({ kind, id: user.id, scope: user.tenantId ?? "platform" }, { ip: "198.51.100.7", userAgent }, T0) };
}

describe("my sessions", () => {
  it("lists the live ones, marks the current one and summarises the browser", async () => {
    const admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    const other = await secondBrowser(admin);
    const ended = await secondBrowser(admin);
    await db.authSession.update({ where: { id: ended.sessionId! }, data: { revokedAt: T0 } });
    const list = await callerFor(admin).security.sessions.list();
    expect(list).toHaveLength(2);
    expect(list.find((s) => s.current)?.id).toBe(admin.sessionId);
    expect(list.find((s) => !s.current)).toMatchObject({ id: other.sessionId, ip: "198.51.100.7", client: "Chrome 131 · Windows" });
  });

  it("revokes one: its browser is signed out at its next request; audited", async () => {
    const admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    const other = await secondBrowser(admin);
    expect(await callerFor(admin).security.sessions.revoke({ id: other.sessionId! })).toEqual({ id: other.sessionId, revoked: true });
    expect(await revalidateSessionUser(other)).toBeNull();
    expect(await revalidateSessionUser(admin)).not.toBeNull();
    expect(await callerFor(admin).security.sessions.revoke({ id: other.sessionId! })).toEqual({ id: other.sessionId, revoked: false });
    expect(await db.auditEvent.count({ where: { action: "session.revoke", actorId: admin.id, result: "success" } })).toBe(1);
  });

  it("revokes all the others and keeps the current one", async () => {
    const admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    const others = [await secondBrowser(admin), await secondBrowser(admin)];
    expect(await callerFor(admin).security.sessions.revokeOthers()).toEqual({ revoked: 2 });
    for (const o of others) expect(await revalidateSessionUser(o)).toBeNull();
    expect(await revalidateSessionUser(admin)).not.toBeNull();
    expect((await callerFor(admin).security.sessions.list()).map((s) => s.id)).toEqual([admin.sessionId]);
  });

  it("leaves out sessions past their idle timeout", async () => {
    const admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    restore();
    restore = setClock(new Date(T0.getTime() + 31 * 60_000));
    const fresh = await secondBrowser(admin);
    await db.authSession.update({ where: { id: fresh.sessionId! }, data: { lastSeenAt: new Date(T0.getTime() + 31 * 60_000) } });
    expect((await callerFor(fresh).security.sessions.list()).map((s) => s.id)).toEqual([fresh.sessionId]);
  });

  it("is NOT_FOUND for another account's session, whoever it belongs to", async () => {
    const { adminA, adminA2, adminB, operator, mailboxA } = world.users;
    for (const victim of [adminA2, adminB, operator, mailboxA]) {
      expect((await refusal(callerFor(adminA).security.sessions.revoke({ id: victim.sessionId! }))).code).toBe("NOT_FOUND");
      expect((await db.authSession.findUniqueOrThrow({ where: { id: victim.sessionId! } })).revokedAt).toBeNull();
    }
    expect((await refusal(callerFor(mailboxA).security.sessions.revoke({ id: adminA.sessionId! }))).code).toBe("NOT_FOUND");
  });

  it("refuses bad ids with a field error", async () => {
    const r = await refusal(callerFor(world.users.adminA).security.sessions.revoke({ id: "" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors).toHaveProperty("id");
    expect((await refusal(callerFor(world.users.adminA).security.sessions.revoke({ id: "x".repeat(65) }))).fieldErrors).toHaveProperty("id");
  });

  it("works for mailbox users on their own sessions", async () => {
    const box = await makeMailboxUser(world.tenantA.id);
    const other = await secondBrowser(box);
    expect(await callerFor(box).security.sessions.list()).toHaveLength(2);
    expect(await callerFor(box).security.sessions.revokeOthers()).toEqual({ revoked: 1 });
    expect(await revalidateSessionUser(other)).toBeNull();
  });
});

describe("a restricted session", () => {
  it("is refused everything but the procedures that lift the restriction", async () => {
    const operator = { ...(await makeAccount("operator")), restriction: "enrol_totp" as const };
    const r = await refusal(callerFor(operator).audit.list({ page: 1, pageSize: 10 }));
    expect(r.code).toBe("PRECONDITION_FAILED");
    expect(r.message).toMatch(/two-step verification/);
    const zh = await refusal(callerFor(operator).security.policy.ops.get(), "zh-CN");
    expect(zh.message).toMatch(/二次验证/);
    expect(await callerFor(operator).me.get()).toMatchObject({ id: operator.id });
    await expect(callerFor(operator).me.setLocale({ locale: "en" })).resolves.toBeDefined();
    await expect(callerFor(operator).security.totp.status()).resolves.toMatchObject({ enabled: false, required: true });
    await expect(callerFor(operator).security.totp.beginEnrolment()).resolves.toHaveProperty("qrDataUrl");
    await expect(callerFor(operator).security.sessions.list()).resolves.toHaveLength(1);
  });

  it("with an expired password says so", async () => {
    const admin = { ...world.users.adminA, restriction: "change_password" as const };
    const r = await refusal(callerFor(admin).security.loginLog.list({}));
    expect(r).toMatchObject({ code: "PRECONDITION_FAILED", message: "Your password has expired: choose a new one before you continue" });
  });
});
