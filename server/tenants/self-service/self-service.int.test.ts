import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { liveSessions, openSession } from "@/server/auth/passwords/password-test-fixtures";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { INITIAL_PASSWORD, selfServiceCaller, tenantWithDomain } from "./self-service-test-fixtures";

let t: Awaited<ReturnType<typeof tenantWithDomain>>;
beforeAll(async () => {
  t = await tenantWithDomain();
});

const writes = async (mailboxId: string) => ({
  hash: (await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } })).passwordHash,
  audits: await db.auditEvent.count({ where: { action: "mailbox.change_own_password" } }),
});

describe("self-service get", () => {
  it("shows the mailbox's quota, aliases and that the initial password must be changed", async () => {
    const m = await t.mailbox("wang.fang", { aliases: ["sales", "fang"], usedBytes: 512n * 1024n * 1024n });
    expect(await selfServiceCaller(m.session).get()).toMatchObject({
      address: m.address,
      displayName: "User wang.fang",
      mustChangePassword: true,
      quota: { totalMb: 2048, usedBytes: 536_870_912 },
      aliases: [`fang@${t.domainName}`, `sales@${t.domainName}`],
    });
  });

  it("shows no aliases of other mailboxes", async () => {
    await t.mailbox("other", { aliases: ["not-mine"] });
    const m = await t.mailbox("lonely");
    expect((await selfServiceCaller(m.session).get()).aliases).toEqual([]);
  });
});

describe("self-service changePassword", () => {
  it("replaces the initial password, clears mustChangePassword and logs it without an account role", async () => {
    const m = await t.mailbox("li.wei");
    expect(await selfServiceCaller(m.session).changePassword({ currentPassword: INITIAL_PASSWORD, newPassword: "Harbour#77" })).toEqual({ changed: true });
    const row = await db.mailbox.findUniqueOrThrow({ where: { id: m.row.id } });
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordChangedAt).not.toBeNull();
    expect(await verifyPassword(row.passwordHash, "Harbour#77")).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "mailbox.change_own_password", targetId: m.row.id } });
    expect(event).toMatchObject({ actorId: m.row.id, actorEmail: m.address, actorRole: null, tenantId: t.tenant.id, result: "success" });
  });

  it("answers a retried request (the answer was lost) with success and writes nothing more", async () => {
    const m = await t.mailbox("retry");
    const input = { currentPassword: INITIAL_PASSWORD, newPassword: "Harbour#78" };
    await selfServiceCaller(m.session).changePassword(input);
    const before = await writes(m.row.id);
    expect(await selfServiceCaller(m.session).changePassword(input)).toEqual({ changed: false });
    expect(await writes(m.row.id)).toEqual(before);
  });

  it.each([
    [{ currentPassword: "wrong#Pass1", newPassword: "Harbour#79" }, "currentPassword", "The current password is not correct"],
    [{ currentPassword: INITIAL_PASSWORD, newPassword: INITIAL_PASSWORD }, "newPassword", "Choose a password different from the current one"],
    [{ currentPassword: INITIAL_PASSWORD, newPassword: "short1A" }, "newPassword", "Length: use at least 8 characters"],
    [{ currentPassword: INITIAL_PASSWORD, newPassword: "alllowercase" }, "newPassword", "Character types: mix at least 3 of lower-case letters, upper-case letters, digits, symbols"],
    [{ currentPassword: INITIAL_PASSWORD, newPassword: "Harbour#321" }, "newPassword", 'Digits: no three consecutive digits such as "123" or "987"'],
    [{ currentPassword: INITIAL_PASSWORD, newPassword: "Zhao.Lei#2026" }, "newPassword", "Account name: must not contain the account name (the part before @)"],
  ])("refuses %j on %s and changes nothing", async (input, field, message) => {
    const m = await t.mailbox("zhao.lei");
    const before = await writes(m.row.id);
    const r = await refusal(selfServiceCaller(m.session).changePassword(input));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.[field]).toContain(message);
    expect(await writes(m.row.id)).toEqual(before);
    await db.mailAddress.deleteMany({ where: { mailboxId: m.row.id } });
    await db.mailbox.delete({ where: { id: m.row.id } });
  });

  it("signs out the mailbox's other browsers, keeps the caller's, and refuses a password used before", async () => {
    const m = await t.mailbox("sessions");
    const own = await openSession("mailbox", m.row.id);
    const other = await openSession("mailbox", m.row.id);
    const session = { ...m.session, sessionId: own };
    await selfServiceCaller(session).changePassword({ currentPassword: INITIAL_PASSWORD, newPassword: "Harbour#81" });
    expect(await liveSessions("mailbox", m.row.id)).toEqual([own]);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: other } })).revokedReason).toBe("password_change");
    await selfServiceCaller(session).changePassword({ currentPassword: "Harbour#81", newPassword: "Harbour#82" });
    const before = await writes(m.row.id);
    const r = await refusal(selfServiceCaller(session).changePassword({ currentPassword: "Harbour#82", newPassword: "Harbour#81" }));
    expect(r.fieldErrors?.newPassword).toEqual(["History: must not be one of your last 5 passwords"]);
    expect(await writes(m.row.id)).toEqual(before);
  });

  it("refuses empty and oversized input with field errors", async () => {
    const m = await t.mailbox("empty");
    const before = await writes(m.row.id);
    expect((await refusal(selfServiceCaller(m.session).changePassword({ currentPassword: "", newPassword: "" }))).fieldErrors).toMatchObject({
      currentPassword: ["Enter your current password"],
      newPassword: ["Enter a new password"],
    });
    expect((await refusal(selfServiceCaller(m.session).changePassword({ currentPassword: "x", newPassword: "y".repeat(201) }))).code).toBe("BAD_REQUEST");
    expect(await writes(m.row.id)).toEqual(before);
  });

  it("refuses a terminated tenant's mailbox", async () => {
    const other = await tenantWithDomain("Frozen Co");
    const m = await other.mailbox("frozen");
    await db.tenant.update({ where: { id: other.tenant.id }, data: { status: "frozen" } });
    expect((await refusal(selfServiceCaller(m.session).changePassword({ currentPassword: INITIAL_PASSWORD, newPassword: "Harbour#80" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });
});
