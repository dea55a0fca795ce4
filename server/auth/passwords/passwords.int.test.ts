import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { PLATFORM_SCOPE } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { callerAs, liveSessions, OLD_PASSWORD, openSession, passwordWriteCounts, portalAccount } from "./password-test-fixtures";
import { setAccountPassword } from "./set-account-password";

const set = (id: string, scope: string, password: string, accountName = "someone@example.test") =>
  db.$transaction((tx) => setAccountPassword(tx, { kind: "user", id, scope, accountName, password }, new Date()));

async function refusedWritingNothing(call: () => Promise<unknown>) {
  const before = await passwordWriteCounts();
  const r = await refusal(call());
  expect(await passwordWriteCounts()).toEqual(before);
  return r;
}

describe("setAccountPassword", () => {
  it("refuses the last N passwords (the policy's N, the current one included) and accepts the one before", async () => {
    const { user } = await portalAccount("operator");
    await db.securityPolicy.upsert({ where: { scope: PLATFORM_SCOPE }, create: { scope: PLATFORM_SCOPE, passwordHistory: 3 }, update: { passwordHistory: 3 } });
    try {
      for (const p of ["First#2026a", "Second#2026b", "Third#2026c", "Fourth#2026d"]) await set(user.id, PLATFORM_SCOPE, p);
      expect(await db.passwordHistory.count({ where: { accountKind: "user", accountId: user.id } })).toBe(3);
      for (const reused of ["Fourth#2026d", "Third#2026c", "Second#2026b"]) {
        await expect(set(user.id, PLATFORM_SCOPE, reused)).rejects.toMatchObject({ code: "BAD_INPUT", fieldErrors: { password: ["History: must not be one of your last 3 passwords"] } });
      }
      await set(user.id, PLATFORM_SCOPE, "First#2026a");
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(await verifyPassword(row.passwordHash, "First#2026a")).toBe(true);
      expect(row.passwordChangedAt).toBeInstanceOf(Date);
    } finally {
      await db.securityPolicy.delete({ where: { scope: PLATFORM_SCOPE } });
    }
  });

  it("refuses the current password even when it predates the history", async () => {
    const { user } = await portalAccount("operator");
    await expect(set(user.id, PLATFORM_SCOPE, OLD_PASSWORD)).rejects.toMatchObject({ fieldErrors: { password: ["History: must not be one of your last 5 passwords"] } });
  });

  it("uses the rule of the account's tenant", async () => {
    const { user } = await portalAccount("tenant_admin");
    await db.securityPolicy.create({ data: { scope: user.tenantId!, passwordMinLength: 12, passwordMaxLength: 40 } });
    await expect(set(user.id, user.tenantId!, "Spring#2026")).rejects.toMatchObject({ fieldErrors: { password: ["Length: use at least 12 characters"] } });
    await set(user.id, user.tenantId!, "Spring#2026-longer-than-16");
  });
});

describe("security.passwords.changeOwn", () => {
  it("changes the password, signs out the other browsers only, and logs it", async () => {
    const { user, session, sessionId } = await portalAccount("tenant_admin");
    const other = await openSession("user", user.id);
    expect(await liveSessions("user", user.id)).toEqual([sessionId, other].sort());
    expect(await callerAs(session).passwords.changeOwn({ currentPassword: OLD_PASSWORD, newPassword: "Lighthouse#58" })).toEqual({ changed: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "Lighthouse#58")).toBe(true);
    expect(await liveSessions("user", user.id)).toEqual([sessionId]);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: other } })).revokedReason).toBe("password_change");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.change_own_password", targetId: user.id } });
    expect(event).toMatchObject({ actorId: user.id, tenantId: user.tenantId, details: { sessionsRevoked: 1 } });
  });

  it.each([
    [{ currentPassword: "Wrong#Pass26", newPassword: "Lighthouse#58" }, "currentPassword", "The current password is not correct"],
    [{ currentPassword: OLD_PASSWORD, newPassword: OLD_PASSWORD }, "newPassword", "Choose a password different from the current one"],
    [{ currentPassword: OLD_PASSWORD, newPassword: "short1A" }, "newPassword", "Length: use at least 8 characters"],
    [{ currentPassword: OLD_PASSWORD, newPassword: "Lighthouse#58-and-more" }, "newPassword", "Length: use at most 16 characters"],
    [{ currentPassword: OLD_PASSWORD, newPassword: "alllowercase" }, "newPassword", "Character types: mix at least 3"],
    [{ currentPassword: OLD_PASSWORD, newPassword: "Lighthouse#456" }, "newPassword", "Digits: no three consecutive digits"],
    [{ currentPassword: OLD_PASSWORD, newPassword: "Lighthouse#000" }, "newPassword", "Digits: no three repeated digits"],
    [{ currentPassword: OLD_PASSWORD, newPassword: "<name>#A1" }, "newPassword", "Account name: must not contain the account name"],
  ])("refuses %j on %s, writing nothing", async (input, field, text) => {
    const { session } = await portalAccount("operator");
    const newPassword = input.newPassword.replace("<name>", session.email.split("@")[0]!.toUpperCase());
    const r = await refusedWritingNothing(() => callerAs(session).passwords.changeOwn({ ...input, newPassword }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.[field]?.[0]).toContain(text);
  });

  it("refuses a password used before, naming the history rule", async () => {
    const { session } = await portalAccount("reseller");
    await callerAs(session).passwords.changeOwn({ currentPassword: OLD_PASSWORD, newPassword: "Lighthouse#58" });
    await callerAs(session).passwords.changeOwn({ currentPassword: "Lighthouse#58", newPassword: "Seashore#47" });
    const r = await refusedWritingNothing(() => callerAs(session).passwords.changeOwn({ currentPassword: "Seashore#47", newPassword: "Lighthouse#58" }));
    expect(r.fieldErrors?.newPassword).toEqual(["History: must not be one of your last 5 passwords"]);
    expect((await refusal(callerAs(session).passwords.changeOwn({ currentPassword: "Seashore#47", newPassword: "Lighthouse#58" }), "zh-CN")).fieldErrors?.newPassword).toEqual(["历史密码：不能与最近 5 次使用过的密码相同"]);
  });

  it("refuses empty and oversized input with zod's field errors", async () => {
    const { session } = await portalAccount("operator");
    const r = await refusedWritingNothing(() => callerAs(session).passwords.changeOwn({ currentPassword: "", newPassword: "x".repeat(201) }));
    expect(r.fieldErrors).toMatchObject({ currentPassword: ["Enter your current password"], newPassword: ["At most 200 characters"] });
  });
});

describe("security.passwords.rule", () => {
  it("gives the caller's policy, the described rule and the password's age", async () => {
    const { session, user } = await portalAccount("tenant_admin");
    await db.securityPolicy.create({ data: { scope: user.tenantId!, passwordMinLength: 10, passwordMaxAgeDays: 0 } });
    const rule = await callerAs(session).passwords.rule();
    expect(rule.policy).toMatchObject({ passwordMinLength: 10, passwordMaxLength: 16, passwordMinClasses: 3, passwordHistory: 5, passwordMaxAgeDays: 0 });
    expect(rule.description.en).toMatch(/^10–16 characters/);
    expect(rule).toMatchObject({ accountName: user.email, age: { state: "ok", expiresAt: null } });
  });

  it("says a password older than the platform's 90 days has expired", async () => {
    const { session, user } = await portalAccount("operator");
    await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) } });
    expect((await callerAs(session).passwords.rule()).age.state).toBe("expired");
  });
});
