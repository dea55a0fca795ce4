import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Worker } from "bullmq";
import { parse } from "csv-parse/sync";
import type { SessionUser } from "@/server/auth/session-user";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import { seedAuditWorld, waitFor } from "@/server/audit/audit-test-fixtures";
import { openAuditExport } from "@/server/audit/open-audit-export";
import { startAuditExportWorker } from "@/workers/audit-export.worker";
import { daysAgo, insertLogins } from "./login-log-test-fixtures";
import type { TListLoginEventsRequest } from "./list-login-events.types";

// The login log as tenant admins and operators search it, chart it and export it.

// Exports of this file go to a folder of its own (env() is read lazily).
const dataDir = await mkdtemp(path.join(tmpdir(), "mailstead-login-export-test-"));
process.env.DATA_DIR = dataDir;

let world: Awaited<ReturnType<typeof seedAuditWorld>>;
let worker: Worker;
const as = (user: SessionUser) => createCaller(makeContext(user)).security.loginLog;
const FORMULA = "=cmd|' /C calc'!A0";

beforeAll(async () => {
  world = await seedAuditWorld();
  const { tenantA, tenantB } = world;
  await insertLogins([
    // Tenant A: an admin on the web, a mailbox over SMTP (refused), a mailbox's new network.
    { email: "admin@a.test", userId: "admin-a", accountKind: "user", tenantId: tenantA.id, ip: "203.0.113.7", occurredAt: daysAgo(3), userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0.0.0 Safari/537.36" },
    { email: "li@a.test", userId: "mb-li", accountKind: "mailbox", tenantId: tenantA.id, ip: "198.51.100.20", channel: "smtp", result: "bad_credentials", reason: "wrong password", occurredAt: daysAgo(2), userAgent: FORMULA },
    { email: "li@a.test", userId: "mb-li", accountKind: "mailbox", tenantId: tenantA.id, ip: "198.51.100.20", channel: "pop3", result: "locked", lockoutExempt: false, occurredAt: daysAgo(2) },
    { email: "wang@a.test", userId: "mb-wang", accountKind: "mailbox", tenantId: tenantA.id, ip: "2001:db8::5", channel: "self_service", newNetwork: true, occurredAt: daysAgo(1) },
    { email: "admin@a.test", userId: "admin-a", accountKind: "user", tenantId: tenantA.id, ip: "203.0.113.7", result: "second_factor_required", occurredAt: daysAgo(1) },
    // Tenant B and platform staff: never in tenant A's view.
    { email: "admin@b.test", userId: "admin-b", accountKind: "user", tenantId: tenantB.id, ip: "192.0.2.1", occurredAt: daysAgo(1) },
    { email: "ops@mailstead.test", userId: "ops", accountKind: "user", tenantId: null, ip: "10.0.0.1", occurredAt: daysAgo(1) },
    { email: "nobody@a.test", userId: null, accountKind: null, tenantId: null, ip: "10.9.9.9", result: "bad_credentials", occurredAt: daysAgo(1) },
    // Outside the chart's 30 days.
    { email: "admin@a.test", userId: "admin-a", accountKind: "user", tenantId: tenantA.id, ip: "203.0.113.7", occurredAt: daysAgo(45) },
  ]);
  worker = startAuditExportWorker({ batchSize: 2, progressIntervalMs: 0 });
  await worker.waitUntilReady();
});

afterAll(async () => {
  await worker?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const list = (user: SessionUser, input: Partial<TListLoginEventsRequest> = {}) => as(user).list({ page: 1, pageSize: 100, ...input });
const emails = async (user: SessionUser, input: Partial<TListLoginEventsRequest> = {}) => (await list(user, input)).rows.map((r) => r.email);

describe("security.loginLog.list scopes", () => {
  it("a tenant admin sees their admins' and mailboxes' rows only, newest first", async () => {
    const page = await list(world.users.adminA);
    expect(page.total).toBe(6);
    expect(page.rows.every((r) => r.tenantId === world.tenantA.id)).toBe(true);
    const times = page.rows.map((r) => r.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.rows.map((r) => r.accountKind)).toEqual(expect.arrayContaining(["user", "mailbox"]));
  });

  it("never shows tenant B's or staff rows to tenant A, even when asked for tenant B", async () => {
    const sneaky = await list(world.users.adminA, { tenantId: world.tenantB.id });
    expect(sneaky.total).toBe(6);
    expect(sneaky.rows.map((r) => r.email)).not.toContain("admin@b.test");
    expect(await emails(world.users.adminA, { account: "ops@" })).toEqual([]);
    expect(await emails(world.users.adminB)).toEqual(["admin@b.test"]);
  });

  it("an operator sees every row, and may narrow to one tenant", async () => {
    expect((await list(world.users.operator)).total).toBe(9);
    expect((await list(world.users.operator, { tenantId: world.tenantB.id })).rows.map((r) => r.email)).toEqual(["admin@b.test"]);
  });

  it("names the tenant and summarises the client", async () => {
    const [row] = (await list(world.users.operator, { account: "admin@a", result: "success", from: daysAgo(4).toISOString() })).rows;
    expect(row).toMatchObject({ tenantName: "甲公司", client: "Chrome 131 · Windows", channel: "web", accountKind: "user" });
    expect(typeof row!.id).toBe("string");
  });
});

describe("filters", () => {
  const admin = () => world.users.adminA;
  it("by account (any case), IP prefix, channel, result, new network and time range", async () => {
    expect(await emails(admin(), { account: "LI@" })).toEqual(["li@a.test", "li@a.test"]);
    expect(await emails(admin(), { ip: "198.51.100." })).toEqual(["li@a.test", "li@a.test"]);
    expect(await emails(admin(), { ip: "198.51.100.2" })).toEqual(["li@a.test", "li@a.test"]);
    expect(await emails(admin(), { channel: "smtp" })).toEqual(["li@a.test"]);
    expect(await emails(admin(), { result: "locked" })).toEqual(["li@a.test"]);
    expect(await emails(admin(), { newNetworkOnly: true })).toEqual(["wang@a.test"]);
    expect(await emails(admin(), { from: daysAgo(2.5).toISOString(), to: daysAgo(1.5).toISOString() })).toEqual(["li@a.test", "li@a.test"]);
    expect((await list(admin(), { newNetworkOnly: false, account: " " })).total).toBe(6);
  });

  it("pages without overlap", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => list(admin(), { page, pageSize: 4 })));
    expect(pages.map((p) => p.rows.length)).toEqual([4, 2, 0]);
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.id))).size).toBe(6);
  });
});

describe("bad input", () => {
  it.each([
    [{ pageSize: 101 }, "pageSize", "at most 100 rows per page"],
    [{ page: 0 }, "page", "pages start at 1"],
    [{ from: "yesterday" }, "from", undefined],
    [{ channel: "telnet" }, "channel", undefined],
    [{ result: "maybe" }, "result", undefined],
    [{ ip: "1".repeat(46) }, "ip", "at most 45 characters"],
    [{ newNetworkOnly: "yes" }, "newNetworkOnly", "expected true or false"],
  ])("%j → BAD_REQUEST on %s", async (input, field, message) => {
    const r = await refusal(as(world.users.operator).list(input as never));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    if (message) expect(r.fieldErrors?.[field]).toContain(message);
  });

  it("refuses an inverted time range on `to`, in both languages, and exports nothing", async () => {
    const range = { from: daysAgo(1).toISOString(), to: daysAgo(2).toISOString() };
    const en = await refusal(as(world.users.adminA).list({ ...range, page: 1, pageSize: 20 }));
    expect(en).toMatchObject({ code: "BAD_REQUEST", message: "The end of the time range is before its start", fieldErrors: { to: ["must not be before the start of the range"] } });
    const zh = await refusal(as(world.users.adminA).list({ ...range, page: 1, pageSize: 20 }), "zh-CN");
    expect(zh.message).toBe("时间范围的结束早于开始");
    const before = await db.auditExport.count();
    const exp = await refusal(as(world.users.adminA).requestExport({ ...range, requestId: randomUUID(), locale: "en" }));
    expect(exp.fieldErrors?.to).toBeDefined();
    expect(await db.auditExport.count()).toBe(before);
  });

  it("refuses an operator's chart for a tenant that does not exist", async () => {
    expect((await refusal(as(world.users.operator).stats({ tenantId: "no-such-tenant" }))).code).toBe("NOT_FOUND");
  });
});

describe("security.loginLog.stats", () => {
  const sum = (days: { successes: number; failures: number }[]) =>
    days.reduce((acc, d) => ({ successes: acc.successes + d.successes, failures: acc.failures + d.failures }), { successes: 0, failures: 0 });

  it("counts a tenant's successes and failures per day for 30 days, a code prompt in neither", async () => {
    const stats = await as(world.users.adminA).stats();
    expect(stats.timeZone).toBe("Asia/Shanghai");
    expect(stats.days).toHaveLength(30);
    expect(sum(stats.days)).toEqual({ successes: 2, failures: 2 });
  });

  it("counts the whole platform for operators, or one tenant", async () => {
    expect(sum((await as(world.users.operator).stats()).days)).toEqual({ successes: 4, failures: 3 });
    expect(sum((await as(world.users.operator).stats({ tenantId: world.tenantB.id })).days)).toEqual({ successes: 1, failures: 0 });
  });
});

describe("CSV export of the login log", () => {
  async function exportAs(user: SessionUser, filters: Record<string, unknown> = {}, locale: "en" | "zh-CN" = "en") {
    const requestId = randomUUID();
    const started = await as(user).requestExport({ ...filters, requestId, locale });
    expect(started.status).toBe("queued");
    const done = await waitFor(async () => {
      const s = await as(user).exportStatus({ id: requestId });
      return s.status === "done" || s.status === "failed" ? s : undefined;
    });
    return { requestId, done };
  }

  it("writes the tenant's rows only, with a BOM, a Chinese header and formula-guarded cells", async () => {
    const { requestId, done } = await exportAs(world.users.adminA, { tenantId: world.tenantB.id }, "zh-CN");
    expect(done).toMatchObject({ status: "done", progress: 100, rowCount: 6, downloadUrl: `/api/exports/${requestId}` });
    const row = await db.auditExport.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ kind: "logins", scopeTenantId: world.tenantA.id });
    expect(row.filters).not.toHaveProperty("tenantId");

    const file = await openAuditExport(world.users.adminA.id, requestId);
    expect(file.downloadName).toMatch(/^login-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(file.filePath, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...records] = parse(text.slice(1)) as string[][];
    expect(header!.slice(0, 3)).toEqual(["时间 (UTC)", "帐号", "帐号类型"]);
    expect(records).toHaveLength(6);
    expect(records.map((r) => r[1])).not.toContain("admin@b.test");
    expect(records.find((r) => r[8]?.includes("calc"))?.[8]).toBe(`'${FORMULA}`);
  });

  it("exports the whole log for an operator, filtered, with an English header", async () => {
    const { requestId, done } = await exportAs(world.users.operator, { result: "bad_credentials" });
    expect(done.rowCount).toBe(2);
    const text = await readFile((await openAuditExport(world.users.operator.id, requestId)).filePath, "utf8");
    const [header, ...records] = parse(text.slice(1)) as string[][];
    expect(header![0]).toBe("Time (UTC)");
    expect(records.map((r) => r[1]).sort()).toEqual(["li@a.test", "nobody@a.test"]);
  });

  it("is the requester's alone: another tenant's admin (or another log's request) gets NOT_FOUND", async () => {
    const { requestId } = await exportAs(world.users.adminA);
    await expect(openAuditExport(world.users.adminB.id, requestId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await refusal(as(world.users.adminB).exportStatus({ id: requestId }))).code).toBe("NOT_FOUND");
    // The same id through the operation log's door: not an operation-log export.
    const viaAudit = createCaller(makeContext(world.users.adminA)).audit.requestExport({ requestId });
    expect((await refusal(viaAudit)).code).toBe("NOT_FOUND");
  });

  it("records the request in the operation log", async () => {
    const { requestId } = await exportAs(world.users.adminA, { channel: "smtp" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: requestId } });
    expect(event).toMatchObject({ action: "loginLog.export", actorId: "admin-a", tenantId: world.tenantA.id, targetType: "audit_export" });
    expect(event.details).toEqual({ filters: { channel: "smtp" } });
  });
});
