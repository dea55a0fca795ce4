import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/shared/db";
import { createMailbox, createMailTenant, MAIL_PASSWORD, type MailTenant } from "../mail-test-fixtures";
import { clearMailLoginCache, verifyMailLogin } from "./verify-mail-login";

// Mail client logins (SMTP AUTH, POP3): the credential cache and the account states.

const ctx = { ip: "192.0.2.10", channel: "smtp" as const };
let t: MailTenant;

beforeEach(async () => {
  clearMailLoginCache();
  t ??= await createMailTenant();
});

const events = (email: string) => db.loginEvent.findMany({ where: { email }, orderBy: { id: "asc" }, select: { result: true, userId: true, ip: true } });

describe("verifyMailLogin", () => {
  it("accepts the mailbox's address (any case, spaces around) and password, with its account", async () => {
    const box = await createMailbox(t);
    const r = await verifyMailLogin(`  ${box.address.toUpperCase()} `, MAIL_PASSWORD, ctx);
    expect(r).toEqual({ ok: true, account: expect.objectContaining({ mailboxId: box.id, address: box.address, sendAs: [box.address], dailySendLimit: 1000 }) });
    expect(await events(box.address)).toEqual([{ result: "success", userId: box.id, ip: ctx.ip }]);
  });

  it("serves a repeated login from the cache: no second argon2 verify, no second login event", async () => {
    const box = await createMailbox(t);
    const t0 = performance.now();
    expect((await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).ok).toBe(true);
    const first = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < 5; i++) expect((await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).ok).toBe(true);
    const cached = (performance.now() - t1) / 5;
    expect(await events(box.address)).toHaveLength(1);
    expect(cached).toBeLessThan(first);
    // A wrong password is never served from the cache.
    expect(await verifyMailLogin(box.address, "wrong", ctx)).toEqual({ ok: false, reason: "bad_credentials" });
  });

  it("forgets cached logins when the password changes", async () => {
    const box = await createMailbox(t);
    expect((await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).ok).toBe(true);
    await db.mailbox.update({ where: { id: box.id }, data: { passwordHash: await hashPassword("Brand#New2026") } });
    expect(await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).toEqual({ ok: false, reason: "bad_credentials" });
    expect((await verifyMailLogin(box.address, "Brand#New2026", ctx)).ok).toBe(true);
  });

  it("refuses a disabled mailbox and a suspended tenant even with a cached login", async () => {
    const box = await createMailbox(t);
    expect((await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).ok).toBe(true);
    await db.mailbox.update({ where: { id: box.id }, data: { status: "disabled" } });
    expect(await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).toEqual({ ok: false, reason: "disabled" });
    await db.mailbox.update({ where: { id: box.id }, data: { status: "active" } });
    await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "suspended" } });
    try {
      expect(await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).toEqual({ ok: false, reason: "disabled" });
    } finally {
      await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "active" } });
    }
    expect((await events(box.address)).map((e) => e.result)).toEqual(["success", "disabled", "disabled"]);
  });

  it("refuses a mailbox that must change its password first", async () => {
    const box = await createMailbox(t, { mustChangePassword: true });
    expect(await verifyMailLogin(box.address, MAIL_PASSWORD, ctx)).toEqual({ ok: false, reason: "must_change_password" });
  });

  it("refuses unknown addresses and malformed usernames as bad credentials, and logs them", async () => {
    const unknown = `nobody@${t.domain.name}`;
    expect(await verifyMailLogin(unknown, MAIL_PASSWORD, ctx)).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await events(unknown)).toEqual([{ result: "bad_credentials", userId: null, ip: ctx.ip }]);
    expect(await verifyMailLogin("no-at-sign", MAIL_PASSWORD, ctx)).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await verifyMailLogin("", "", ctx)).toEqual({ ok: false, reason: "bad_credentials" });
    expect(await events("(empty)")).toHaveLength(1);
  });
});
