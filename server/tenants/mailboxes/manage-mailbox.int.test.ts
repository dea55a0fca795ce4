import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { verifyPassword } from "@/server/auth/password";
import { liveSessions, openSession } from "@/server/auth/passwords/password-test-fixtures";
import { db } from "@/server/shared/db";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { departmentsRouter } from "../departments/router";
import { addTenantDomain, refusedWritingNothing, createConsoleTenant, refusal, uniqueLocalPart, type ConsoleTenant } from "../tenant-test-fixtures";
import { mailboxesRouter } from "./router";

// Editing, disabling, resetting, deleting and listing mailboxes.
const mailboxes = (user: SessionUser) => createCallerFactory(mailboxesRouter)(makeContext(user));
let t: ConsoleTenant;
let other: ConsoleTenant;
const api = () => mailboxes(t.admin);
const create = (over: Record<string, unknown> = {}) =>
  api().create({ domainId: t.domain.id, localPart: uniqueLocalPart("e"), displayName: "李四", password: "Welcome-2026", ...over });

beforeAll(async () => {
  t = await createConsoleTenant({ name: "管理公司", seats: 3, mailboxQuotaMb: 1024 });
  other = await createConsoleTenant({ name: "他人" });
});

describe("managing a mailbox", () => {
  it("edits name, department, quota and mobile; refuses over-plan quota, below-used quota and another tenant's department", async () => {
    const m = await create();
    const dept = await createCallerFactory(departmentsRouter)(makeContext(t.admin)).create({ name: "研发部" });
    const edited = await api().update({ mailboxId: m.id, displayName: "李四（研发）", departmentId: dept.id, quotaMb: 800, mobile: "+852 9123 4567" });
    expect(edited).toMatchObject({ displayName: "李四（研发）", departmentId: dept.id, quotaMb: 800, mobile: "+85291234567" });
    expect((await api().update({ mailboxId: m.id, departmentId: null, mobile: "" })).departmentId).toBeNull();
    expect((await refusedWritingNothing(() => api().update({ mailboxId: m.id, quotaMb: 1025 }))).fieldErrors?.quotaMb?.[0]).toContain("At most 1024 MB");
    await db.mailbox.update({ where: { id: m.id }, data: { usedBytes: BigInt(600 * 1024 * 1024) } });
    expect((await refusedWritingNothing(() => api().update({ mailboxId: m.id, quotaMb: 500 }))).fieldErrors?.quotaMb?.[0]).toContain("At least 600 MB");
    const theirs = await createCallerFactory(departmentsRouter)(makeContext(other.admin)).create({ name: "外部" });
    expect((await refusedWritingNothing(() => api().update({ mailboxId: m.id, departmentId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await refusedWritingNothing(() => api().update({ mailboxId: m.id, mobile: "999" }))).fieldErrors).toHaveProperty("mobile");
    await db.mailbox.delete({ where: { id: m.id } });
  });

  it("disables and enables, auditing each change once", async () => {
    const m = await create();
    expect((await api().setStatus({ mailboxId: m.id, status: "disabled" })).status).toBe("disabled");
    await api().setStatus({ mailboxId: m.id, status: "disabled" });
    expect(await db.auditEvent.count({ where: { action: "mailbox.disable", targetId: m.id } })).toBe(1);
    await api().setStatus({ mailboxId: m.id, status: "active" });
    expect((await db.mailbox.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("active");
    await api().delete({ mailboxId: m.id });
  });

  it("resets the password and asks for a change again; refuses a weak one", async () => {
    const m = await create();
    await db.mailbox.update({ where: { id: m.id }, data: { mustChangePassword: false } });
    await api().resetPassword({ mailboxId: m.id, password: "Another-Pass9" });
    const row = await db.mailbox.findUniqueOrThrow({ where: { id: m.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(row.passwordHash, "Another-Pass9")).toBe(true);
    expect((await refusedWritingNothing(() => api().resetPassword({ mailboxId: m.id, password: "weak" }))).fieldErrors?.password?.[0]).toContain("Length: use at least 8");
    await api().delete({ mailboxId: m.id });
  });

  it("signs out every browser of the mailbox on a reset, and refuses its recent passwords", async () => {
    const m = await create();
    const sessions = [await openSession("mailbox", m.id), await openSession("mailbox", m.id)];
    await api().resetPassword({ mailboxId: m.id, password: "Another-Pass9" });
    expect(await liveSessions("mailbox", m.id)).toEqual([]);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: sessions[0]! } })).revokedReason).toBe("admin_reset");
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "mailbox.reset_password", targetId: m.id } })).toMatchObject({ details: { sessionsRevoked: 2 } });
    for (const reused of ["Welcome-2026", "Another-Pass9"]) {
      const r = await refusedWritingNothing(() => api().resetPassword({ mailboxId: m.id, password: reused }));
      expect(r.fieldErrors?.password).toEqual(["History: must not be one of your last 5 passwords"]);
    }
    await api().delete({ mailboxId: m.id });
  });

  it("deletes a mailbox, freeing its seat, its address and its aliases", async () => {
    const kept = [await create(), await create()];
    const m = await create();
    const aliasDomain = await addTenantDomain(t.tenant.id, t.domain.id);
    await api().addAlias({ mailboxId: m.id, domainId: aliasDomain.id, localPart: m.localPart });
    expect(await api().seats()).toMatchObject({ paid: 3, used: 3, free: 0 });
    expect((await refusal(create())).code).toBe("PRECONDITION_FAILED");
    await api().delete({ mailboxId: m.id });
    expect(await db.mailAddress.count({ where: { mailboxId: m.id } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { action: "mailbox.delete", targetId: m.id }, select: { details: true } })).toMatchObject({
      details: { address: m.address, aliases: [`${m.localPart}@${aliasDomain.name}`] },
    });
    expect(await api().seats()).toMatchObject({ used: 2, free: 1 });
    const reborn = await create({ localPart: m.localPart });
    expect(reborn.address).toBe(m.address);
    expect((await refusedWritingNothing(() => api().delete({ mailboxId: m.id }))).code).toBe("NOT_FOUND");
    for (const k of [...kept, reborn]) await api().delete({ mailboxId: k.id });
  });
});

describe("listing mailboxes", () => {
  it("searches, filters by department (with sub-departments), domain and status, and pages", async () => {
    const big = await createConsoleTenant({ name: "列表公司", seats: 30 });
    const list = mailboxes(big.admin);
    const depts = createCallerFactory(departmentsRouter)(makeContext(big.admin));
    const sales = await depts.create({ name: "销售" });
    const east = await depts.create({ name: "华东", parentId: sales.id });
    const second = await addTenantDomain(big.tenant.id);
    const make = (localPart: string, extra: Record<string, unknown> = {}) =>
      list.create({ domainId: big.domain.id, localPart, displayName: localPart, password: "Welcome-2026", ...extra });
    await make("alice", { departmentId: sales.id });
    await make("bob", { departmentId: east.id, status: "disabled" });
    await make("carol", { displayName: "王小明" });
    await make("dave", { domainId: second.id });
    for (let i = 0; i < 21; i++) await make(`bulk${String(i).padStart(2, "0")}`);

    expect((await list.list({ search: "ALI" })).rows.map((r) => r.localPart)).toEqual(["alice"]);
    expect((await list.list({ search: "小明" })).rows.map((r) => r.localPart)).toEqual(["carol"]);
    expect((await list.list({ departmentId: sales.id })).rows.map((r) => r.localPart)).toEqual(["alice", "bob"]);
    expect((await list.list({ departmentId: east.id })).rows.map((r) => r.localPart)).toEqual(["bob"]);
    expect((await list.list({ departmentId: "none" })).total).toBe(23);
    expect((await list.list({ domainId: second.id })).rows.map((r) => r.localPart)).toEqual(["dave"]);
    expect((await list.list({ status: "disabled" })).rows.map((r) => r.localPart)).toEqual(["bob"]);
    const page2 = await list.list({ page: 2, pageSize: 10 });
    expect([page2.total, page2.rows.length, page2.page]).toEqual([25, 10, 2]);
    // Another tenant's ids in the filters match nothing; another tenant sees none of these.
    expect((await mailboxes(other.admin).list({ departmentId: sales.id })).total).toBe(0);
    expect((await mailboxes(other.admin).list({ search: "alice" })).total).toBe(0);
    expect(await list.seats()).toMatchObject({ paid: 30, used: 25, free: 5, limits: { mailboxQuotaMb: 2048, aliasesPerMailbox: 5 } });
  }, 60_000);
});
