import { beforeAll, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { describeMatrix } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { tenantWithDomain } from "../self-service/self-service-test-fixtures";
import { consoleHomeRouter } from "./router";

const caller = (user: SessionUser | null) => createCallerFactory(router({ home: consoleHomeRouter }))(makeContext(user)).home;

let owner: SessionUser;
let other: SessionUser;
let mailboxUser: SessionUser;

async function admin(name: string): Promise<SessionUser> {
  const tenant = await db.tenant.create({ data: { name } });
  const row = await db.user.create({ data: { email: `${tenant.id}@t.test`, name, passwordHash: "x", role: "tenant_admin", tenantId: tenant.id } });
  return { id: row.id, email: row.email, name, role: "tenant_admin", tenantId: tenant.id, resellerId: null };
}

beforeAll(async () => {
  owner = await admin("Owner");
  other = await admin("Other");
  mailboxUser = (await (await tenantWithDomain("Mailbox Co")).mailbox("user")).session;
});

type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator" | "mailbox_user";
const who = (w: Who) => (w === "anonymous" ? null : { owner, other_tenant: other, reseller: resellerUser, operator: operatorUser, mailbox_user: mailboxUser }[w]);

// No id in the input: each admin reads their own tenant's home.
describeMatrix<Who>("console home router authorisation", { get: (w) => caller(who(w)).get() }, {
  get: { anonymous: "UNAUTHORIZED", owner: "ok", other_tenant: "ok", reseller: "FORBIDDEN", operator: "FORBIDDEN", mailbox_user: "FORBIDDEN" },
});

it("shows each admin their own tenant", async () => {
  expect((await caller(owner).get()).tenant.name).toBe("Owner");
  expect((await caller(other).get()).tenant.name).toBe("Other");
});

it("refuses a session whose user moved to another tenant as NOT_FOUND", async () => {
  await expect(caller({ ...other, tenantId: owner.tenantId }).get()).rejects.toMatchObject({ code: "NOT_FOUND" });
});
