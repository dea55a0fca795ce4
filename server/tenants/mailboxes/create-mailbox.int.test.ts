import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/shared/db";
import { getQueue } from "@/server/shared/queues";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { departmentsRouter } from "../departments/router";
import { addTenantDomain, createConsoleTenant, refusedWritingNothing, seedMailboxes, uniqueLocalPart, type ConsoleTenant } from "../tenant-test-fixtures";
import { welcomeJobId } from "../welcome/queue-welcome-letters";
import { mailboxesRouter } from "./router";

// Creating mailboxes: the happy path, the paid-seat limit under concurrency, and every kind of bad
// input (a specific message on its field, nothing written).
const mailboxes = (user: SessionUser) => createCallerFactory(mailboxesRouter)(makeContext(user));
const departments = (user: SessionUser) => createCallerFactory(departmentsRouter)(makeContext(user));
let t: ConsoleTenant;
let other: ConsoleTenant;
const PASSWORD = "Welcome-2026";
const form = (over: Record<string, unknown> = {}) => ({ domainId: t.domain.id, localPart: uniqueLocalPart("m"), displayName: "张三", password: PASSWORD, ...over });

beforeAll(async () => {
  t = await createConsoleTenant({ name: "建档公司", seats: 50, mailboxQuotaMb: 2048 });
  other = await createConsoleTenant({ name: "他人公司" });
});

/** A creation refused with nothing written. */
const createRefused = (input: Record<string, unknown>, user: SessionUser = t.admin) =>
  refusedWritingNothing(() => mailboxes(user).create(input as Parameters<ReturnType<typeof mailboxes>["create"]>[0]));

describe("createMailbox", () => {
  it("creates the mailbox, its address row, an audit row and the welcome job; the password is hashed and must be changed", async () => {
    const dept = await departments(t.admin).create({ name: "销售部" });
    const view = await mailboxes(t.admin).create(form({ localPart: " Zhang.San ", departmentId: dept.id, mobile: "138 0013 8000" }));
    expect(view).toMatchObject({ localPart: "zhang.san", address: `zhang.san@${t.domain.name}`, quotaMb: 2048, status: "active", departmentName: "销售部", mobile: "13800138000" });
    const row = await db.mailbox.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    expect(await db.mailAddress.findUniqueOrThrow({ where: { address: view.address } })).toMatchObject({ kind: "mailbox", mailboxId: view.id, tenantId: t.tenant.id });
    expect(await db.auditEvent.count({ where: { action: "mailbox.create", targetId: view.id } })).toBe(1);
    expect(await getQueue("welcomeLetter").getJob(welcomeJobId(view.id))).toBeTruthy();
  });

  it("accepts a quota under the plan's and a disabled status", async () => {
    const view = await mailboxes(t.admin).create(form({ quotaMb: 512, status: "disabled" }));
    expect([view.quotaMb, view.status]).toEqual([512, "disabled"]);
  });

  it("refuses malformed, too long and reserved local parts on the localPart field", async () => {
    const cases: [string, string][] = [
      ["zhang san", "Use only letters, digits"],
      [".zhang", "Start and end with a letter or digit"],
      ["zhang..san", "Two dots in a row"],
      ["zhang@x.com", "Enter only the part before @"],
      ["a".repeat(65), "At most 64 characters before @ (this has 65)"],
      ["postmaster", `"postmaster" is reserved`],
      ["", "Enter the part before @"],
    ];
    for (const [localPart, text] of cases) {
      const r = await createRefused(form({ localPart }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.localPart?.[0]).toContain(text);
    }
  });

  it("refuses an address taken anywhere as 'already in use', never saying whose", async () => {
    // Domains are unique, so another tenant holding an address on our domain is what the
    // MailAddress key guards against (e.g. a race with a tenant that just released the domain):
    // put such a row in directly.
    const address = `taken@${t.domain.name}`;
    await db.mailAddress.create({ data: { address, tenantId: other.tenant.id, domainId: other.domain.id, kind: "alias" } });
    const r = await createRefused(form({ localPart: "Taken" }));
    expect([r.code, r.message, r.fieldErrors?.localPart]).toEqual(["CONFLICT", `${address} is already in use`, [`${address} is already in use`]]);
    const mine = await mailboxes(t.admin).create(form());
    const again = await createRefused(form({ localPart: mine.localPart.toUpperCase() }));
    expect([again.code, again.fieldErrors?.localPart?.[0]]).toEqual(["CONFLICT", `${mine.address} is already in use`]);
    // Another tenant naming our domain learns nothing about it.
    expect((await createRefused(form({ localPart: "fresh.name" }), other.admin)).code).toBe("NOT_FOUND");
  });

  it("refuses a domain or department of another tenant as not found", async () => {
    expect((await createRefused(form({ domainId: other.domain.id }))).code).toBe("NOT_FOUND");
    const theirDept = await departments(other.admin).create({ name: "外部门" });
    const r = await createRefused(form({ departmentId: theirDept.id }));
    expect([r.code, r.fieldErrors?.departmentId?.[0]]).toEqual(["NOT_FOUND", "Department not found"]);
  });

  it("refuses a quota over the plan with the number", async () => {
    const r = await createRefused(form({ quotaMb: 4096 }));
    expect([r.code, r.fieldErrors?.quotaMb?.[0]]).toEqual(["BAD_REQUEST", "At most 2048 MB: that is your plan's quota per mailbox"]);
    expect((await createRefused(form({ quotaMb: 0 }))).fieldErrors).toHaveProperty("quotaMb");
    expect((await createRefused(form({ quotaMb: 1.5 }))).fieldErrors).toHaveProperty("quotaMb");
  });

  it("refuses a weak password and a malformed mobile on their fields", async () => {
    for (const [password, text] of [
      ["short1A", "Length: use at least 8 characters"],
      ["alllowercase", "Character types: mix at least 3"],
      ["Welcome#987", "Digits: no three consecutive digits"],
      ["Welcome#2026-too-long", "Length: use at most 16 characters"],
      ["Line\nBreak-1", "Characters: no line breaks"],
    ]) {
      expect((await createRefused(form({ password }))).fieldErrors?.password?.[0]).toContain(text);
    }
    const named = await createRefused(form({ localPart: "wangwu", password: "Wangwu-2026" }));
    expect(named.fieldErrors?.password?.[0]).toBe("Account name: must not contain the account name (the part before @)");
    expect((await createRefused(form({ mobile: "12345" }))).fieldErrors?.mobile?.[0]).toContain("11-digit mobile");
  });

  it("returns the first result to a retry with the same key, also when the retries race; another tenant's key is its own", async () => {
    const key = `retry-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const input = form({ idempotencyKey: key });
    const results = await Promise.all(Array.from({ length: 5 }, () => mailboxes(t.admin).create(input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.mailbox.count({ where: { tenantId: t.tenant.id, createKey: key } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "mailbox.create", targetId: results[0]!.id } })).toBe(1);
    // The same key from another tenant is another submission, refused on its own merits (a domain not its own).
    expect((await createRefused({ ...input }, other.admin)).code).toBe("NOT_FOUND");
  });

  it("puts a mailbox on an alias domain of the tenant", async () => {
    const alias = await addTenantDomain(t.tenant.id, t.domain.id);
    const view = await mailboxes(t.admin).create(form({ domainId: alias.id }));
    expect(view.address.endsWith(`@${alias.name}`)).toBe(true);
  });
});

describe("the paid-seat limit", () => {
  it("creates exactly one of 20 parallel creations at one seat below the limit", async () => {
    const small = await createConsoleTenant({ name: "小公司", seats: 5 });
    await seedMailboxes(small, 4);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => mailboxes(small.admin).create({ domainId: small.domain.id, localPart: uniqueLocalPart("p"), displayName: "并发", password: PASSWORD })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(String((r.reason as Error).message)).toBe("All 5 paid seats are in use (5 mailboxes): add seats on the billing page or delete a mailbox first");
    expect(await db.mailbox.count({ where: { tenantId: small.tenant.id } })).toBe(5);
    expect(await db.mailAddress.count({ where: { tenantId: small.tenant.id } })).toBe(5);
    expect(await mailboxes(small.admin).seats()).toMatchObject({ paid: 5, used: 5, free: 0 });
  }, 60_000);

  it("refuses a terminated (frozen) tenant: its organisation is read-only", async () => {
    const frozen = await createConsoleTenant({ name: "已终止" });
    await db.tenant.update({ where: { id: frozen.tenant.id }, data: { status: "frozen" } });
    const r = await createRefused({ domainId: frozen.domain.id, localPart: "late", displayName: "x", password: PASSWORD }, frozen.admin);
    expect([r.code, r.message]).toEqual(["PRECONDITION_FAILED", "This account is terminated: its organisation can no longer be changed"]);
  });

  it("refuses a tenant with no paid seats, in both languages", async () => {
    const none = await createConsoleTenant({ name: "未付费", seats: 0 });
    const r = await createRefused({ domainId: none.domain.id, localPart: "first", displayName: "x", password: PASSWORD }, none.admin);
    expect([r.code, r.message]).toEqual(["PRECONDITION_FAILED", "No plan yet: buy a plan on the billing page first"]);
  });
});
