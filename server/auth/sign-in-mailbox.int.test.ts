import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { INITIAL_PASSWORD, tenantWithDomain } from "@/server/tenants/self-service/self-service-test-fixtures";
import { revalidateSessionUser } from "./revalidate-session-user";
import { signInMailbox } from "./sign-in-mailbox";
import { createAuthSession } from "./sessions/create-auth-session";
import { clock } from "@/server/shared/clock";
import type { SessionUser } from "./session-user";

const ctx = { ip: "203.0.113.9", userAgent: "vitest" };
let t: Awaited<ReturnType<typeof tenantWithDomain>>;
const lastEvent = () => db.loginEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

beforeAll(async () => {
  t = await tenantWithDomain();
});

describe("signInMailbox", () => {
  it("signs a mailbox user in as mailbox_user, logs it and records the sign-in on the mailbox", async () => {
    const m = await t.mailbox("wang.fang");
    const r = await signInMailbox({ email: ` ${m.address.toUpperCase()} `, password: INITIAL_PASSWORD }, ctx);
    expect(r.ok && r.user).toEqual({ id: m.row.id, mailboxId: m.row.id, email: m.address, name: "User wang.fang", role: "mailbox_user", tenantId: t.tenant.id, resellerId: null });
    expect(await lastEvent()).toMatchObject({ userId: m.row.id, accountKind: "mailbox", tenantId: t.tenant.id, channel: "self_service", email: m.address, result: "success", ip: ctx.ip });
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: m.row.id } })).lastLoginIp).toBe(ctx.ip);
  });

  it("refuses a wrong password and an unknown address alike, logging each", async () => {
    const m = await t.mailbox("li.wei");
    expect(await signInMailbox({ email: m.address, password: "wrong" }, ctx)).toEqual({ ok: false, refusal: "bad_credentials" });
    expect(await lastEvent()).toMatchObject({ userId: m.row.id, result: "bad_credentials" });
    expect(await signInMailbox({ email: `nobody@${t.domainName}`, password: INITIAL_PASSWORD }, ctx)).toEqual({ ok: false, refusal: "bad_credentials" });
    expect(await lastEvent()).toMatchObject({ userId: null, email: `nobody@${t.domainName}`, result: "bad_credentials" });
  });

  it("refuses a disabled mailbox, and one of a terminated tenant, even with the right password", async () => {
    const off = await t.mailbox("off", { status: "disabled" });
    expect(await signInMailbox({ email: off.address, password: INITIAL_PASSWORD }, ctx)).toEqual({ ok: false, refusal: "disabled" });
    expect(await lastEvent()).toMatchObject({ userId: off.row.id, result: "disabled", reason: "mailbox disabled" });
    const frozen = await tenantWithDomain("Frozen");
    const m = await frozen.mailbox("frozen");
    await db.tenant.update({ where: { id: frozen.tenant.id }, data: { status: "frozen" } });
    expect(await signInMailbox({ email: m.address, password: INITIAL_PASSWORD }, ctx)).toEqual({ ok: false, refusal: "disabled" });
    expect(await lastEvent()).toMatchObject({ result: "disabled", reason: "tenant frozen" });
  });

  it("does not let an administrator's password open a mailbox of the same address", async () => {
    const m = await t.mailbox("boss");
    await db.user.create({ data: { email: m.address, name: "Boss", passwordHash: m.row.passwordHash.replace(/.$/, "x"), role: "tenant_admin", tenantId: t.tenant.id } });
    expect(await signInMailbox({ email: m.address, password: "Admin#Pass1" }, ctx)).toEqual({ ok: false, refusal: "bad_credentials" });
  });

  it.each([[{ email: "not-an-address", password: "x" }], [{}]])("refuses malformed input %j and still logs it", async (input) => {
    expect(await signInMailbox(input, ctx)).toEqual({ ok: false, refusal: "bad_credentials" });
    expect(await lastEvent()).toMatchObject({ result: "bad_credentials", userId: null });
  });
});

describe("revalidateSessionUser for a mailbox user", () => {
  let session: SessionUser;
  let id: string;
  beforeAll(async () => {
    const m = await t.mailbox("session");
    id = m.row.id;
    // A session token names its AuthSession row (server/auth/sessions); revalidation reads it.
    const sessionId = await createAuthSession({ kind: "mailbox", id, scope: t.tenant.id }, { ip: null, userAgent: null }, clock.now());
    session = { ...m.session, sessionId };
  });

  it("keeps the session of an active mailbox, with its current display name", async () => {
    await db.mailbox.update({ where: { id }, data: { displayName: "Renamed" } });
    expect(await revalidateSessionUser(session)).toEqual({ ...session, name: "Renamed", restriction: null });
  });

  it("ends it when the mailbox is disabled", async () => {
    await db.mailbox.update({ where: { id }, data: { status: "disabled" } });
    expect(await revalidateSessionUser(session)).toBeNull();
    await db.mailbox.update({ where: { id }, data: { status: "active" } });
  });

  it("ends it for a forged token (another tenant, or mailboxId not the id)", async () => {
    expect(await revalidateSessionUser({ ...session, tenantId: "other" })).toBeNull();
    expect(await revalidateSessionUser({ ...session, mailboxId: "x" })).toBeNull();
  });

  it("ends it when the tenant is terminated", async () => {
    await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "frozen" } });
    expect(await revalidateSessionUser(session)).toBeNull();
    await db.tenant.update({ where: { id: t.tenant.id }, data: { status: "active" } });
  });

  it("ends it when the mailbox is deleted", async () => {
    await db.mailAddress.deleteMany({ where: { mailboxId: id } });
    await db.mailbox.delete({ where: { id } });
    expect(await revalidateSessionUser(session)).toBeNull();
  });
});
