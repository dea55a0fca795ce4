import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { describeMatrix } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { tenantWithDomain } from "@/server/tenants/self-service/self-service-test-fixtures";
import { insertLogins } from "./login-log-test-fixtures";

// Every security.loginLog procedure × every kind of caller. The log's procedures take no tenant
// id a tenant admin can use (their scope is forced); exportStatus takes an export id, which only
// its requester may name.

type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator" | "mailbox_user";

let owner: SessionUser;
let other: SessionUser;
let reseller: SessionUser;
let operator: SessionUser;
let mailboxUser: SessionUser;
let ownerExportId: string;
let operatorExportId: string;

async function user(role: "tenant_admin" | "reseller" | "operator", name: string): Promise<SessionUser> {
  const tenant = role === "tenant_admin" ? await db.tenant.create({ data: { name } }) : null;
  const res = role === "reseller" ? await db.reseller.create({ data: { name } }) : null;
  const row = await db.user.create({
    data: { email: `${name.toLowerCase().replace(/\W/g, "")}@auth.test`, name, passwordHash: "x", role, tenantId: tenant?.id ?? null, resellerId: res?.id ?? null },
  });
  return { id: row.id, email: row.email, name, role, tenantId: row.tenantId, resellerId: row.resellerId };
}

const loginLog = (u: SessionUser | null) => createCaller(makeContext(u)).security.loginLog;

beforeAll(async () => {
  [owner, other, reseller, operator] = await Promise.all([
    user("tenant_admin", "Owner Co"),
    user("tenant_admin", "Other Co"),
    user("reseller", "Agent"),
    user("operator", "Ops"),
  ]);
  const box = await (await tenantWithDomain("Mailbox Co")).mailbox("user");
  mailboxUser = box.session;
  await insertLogins([
    { userId: owner.id, accountKind: "user", email: owner.email, tenantId: owner.tenantId, ip: "203.0.113.1" },
    { userId: other.id, accountKind: "user", email: other.email, tenantId: other.tenantId, ip: "198.51.100.1" },
    { userId: box.row.id, accountKind: "mailbox", email: box.address, tenantId: box.row.tenantId, ip: "192.0.2.1", channel: "self_service" },
  ]);
  ownerExportId = (await loginLog(owner).requestExport({ requestId: randomUUID(), locale: "en" })).id;
  operatorExportId = (await loginLog(operator).requestExport({ requestId: randomUUID(), locale: "en" })).id;
});

const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { owner, other_tenant: other, reseller, operator, mailbox_user: mailboxUser }[w];

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  list: (w) => loginLog(who(w)).list({ page: 1, pageSize: 10 }),
  stats: (w) => loginLog(who(w)).stats(),
  requestExport: (w) => loginLog(who(w)).requestExport({ requestId: randomUUID(), locale: "en" }),
  // The owner's export: only the owner may read it.
  exportStatus: (w) => loginLog(who(w)).exportStatus({ id: ownerExportId }),
  mine: (w) => loginLog(who(w)).mine(),
  mineAsMailbox: (w) => loginLog(who(w)).mineAsMailbox(),
  notices: (w) => loginLog(who(w)).notices(),
};

const readers = { anonymous: "UNAUTHORIZED", owner: "ok", other_tenant: "ok", reseller: "FORBIDDEN", operator: "ok", mailbox_user: "FORBIDDEN" } as const;
const portal = { anonymous: "UNAUTHORIZED", owner: "ok", other_tenant: "ok", reseller: "ok", operator: "ok", mailbox_user: "FORBIDDEN" } as const;

describeMatrix<Who>("security.loginLog × callers", calls, {
  list: readers,
  stats: readers,
  requestExport: readers,
  exportStatus: { ...readers, other_tenant: "NOT_FOUND", operator: "NOT_FOUND" },
  mine: portal,
  mineAsMailbox: { anonymous: "UNAUTHORIZED", owner: "FORBIDDEN", other_tenant: "FORBIDDEN", reseller: "FORBIDDEN", operator: "FORBIDDEN", mailbox_user: "ok" },
  notices: portal,
});

describe("what each caller sees", () => {
  it("the owner's list and export status never reach another tenant's rows or exports", async () => {
    expect((await loginLog(owner).list({ page: 1, pageSize: 10, tenantId: other.tenantId! })).rows.map((r) => r.email)).toEqual([owner.email]);
    await expect(loginLog(owner).exportStatus({ id: operatorExportId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loginLog(owner).exportStatus({ id: "no-such-export" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("mine is each account's own: an admin does not see their tenant's mailboxes, a mailbox not the admins", async () => {
    expect((await loginLog(owner).mine()).map((r) => r.email)).toEqual([owner.email]);
    expect((await loginLog(other).mine()).map((r) => r.email)).toEqual([other.email]);
    expect((await loginLog(mailboxUser).mineAsMailbox()).map((r) => r.channel)).toEqual(["self_service"]);
    expect(await loginLog(operator).mine()).toEqual([]);
  });

  it("refuses a session whose user moved to another tenant as NOT_FOUND on notices", async () => {
    await expect(loginLog({ ...other, tenantId: owner.tenantId }).notices()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
