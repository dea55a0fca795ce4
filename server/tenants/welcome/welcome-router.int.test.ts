import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { createBillingTenant, operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { describeMatrix, refusal } from "@/server/test/authz";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { tenantWithDomain } from "../self-service/self-service-test-fixtures";
import { welcomeRouter } from "./router";
import { DEFAULT_TEMPLATES } from "./welcome-template-rules";

const caller = (user: SessionUser | null) => createCallerFactory(router({ welcome: welcomeRouter }))(makeContext(user)).welcome;

let owner: SessionUser;
let other: SessionUser;
let mailboxUser: SessionUser;
const valid = { enabled: true, subject: "Welcome {{displayName}}", body: "Your address is {{address}}." };
const writes = async () => ({ rows: await db.welcomeTemplate.findMany(), audits: await db.auditEvent.count({ where: { action: "welcome_template.update" } }) });

beforeAll(async () => {
  process.env.PLATFORM_DOMAIN = "mailstead.net";
  process.env.PUBLIC_URL = "https://portal.example.test";
  resetEnvCache();
  owner = (await createBillingTenant("Owner Co")).admin;
  other = (await createBillingTenant("Other Co")).admin;
  mailboxUser = (await (await tenantWithDomain("Mailbox Co")).mailbox("user")).session;
});

type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator" | "mailbox_user";
const who = (w: Who) => (w === "anonymous" ? null : { owner, other_tenant: other, reseller: resellerUser, operator: operatorUser, mailbox_user: mailboxUser }[w]);
const denied = { anonymous: "UNAUTHORIZED", reseller: "FORBIDDEN", operator: "FORBIDDEN", mailbox_user: "FORBIDDEN" } as const;

// No procedure takes an id: each reaches the caller's own tenant only (checked below).
describeMatrix<Who>(
  "welcome router authorisation",
  {
    get: (w) => caller(who(w)).get(),
    update: (w) => caller(who(w)).update(valid),
    preview: (w) => caller(who(w)).preview(valid),
  },
  {
    get: { ...denied, owner: "ok", other_tenant: "ok" },
    update: { ...denied, owner: "ok", other_tenant: "ok" },
    preview: { ...denied, owner: "ok", other_tenant: "ok" },
  },
);

describe("welcome template", () => {
  it("is the Chinese default, on, until the admin saves one; nothing is stored before", async () => {
    const fresh = (await createBillingTenant("Fresh")).admin;
    const view = await caller(fresh).get();
    expect(view).toMatchObject({ enabled: true, isDefault: true, updatedAt: null, ...DEFAULT_TEMPLATES["zh-CN"] });
    expect(view.sample).toMatchObject({ company: "Fresh", address: "zhang.wei@example.com", smtpHost: "smtp.mailstead.net" });
    expect(await db.welcomeTemplate.count({ where: { tenantId: fresh.tenantId! } })).toBe(0);
  });

  it("saves, switches off and logs; another tenant's save leaves it alone", async () => {
    const admin = (await createBillingTenant("Saver")).admin;
    await caller(admin).update({ ...valid, enabled: false });
    await caller(other).update({ ...valid, subject: "Other's {{company}}" });
    expect(await caller(admin).get()).toMatchObject({ enabled: false, isDefault: false, subject: valid.subject, body: valid.body });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "welcome_template.update", tenantId: admin.tenantId } });
    expect(event).toMatchObject({ actorId: admin.id, targetId: admin.tenantId, result: "success" });
  });

  it("previews the letter for a sample mailbox of the tenant", async () => {
    const admin = (await createBillingTenant("星河贸易")).admin;
    expect(await caller(admin).preview({ subject: "欢迎 {{displayName}}", body: "{{company}}: {{address}} / {{pop3Host}}" })).toEqual({
      to: "zhang.wei@example.com",
      subject: "欢迎 张伟",
      text: "星河贸易: zhang.wei@example.com / pop.mailstead.net",
    });
  });

  it.each([
    [{ subject: "Hi {{name}}" }, "subject", /^Unknown placeholder \{\{name\}\}/],
    [{ body: "Password: {{password}}" }, "body", /^Unknown placeholder \{\{password\}\}/],
    [{ subject: "" }, "subject", /^Enter a subject$/],
    [{ subject: "x".repeat(201) }, "subject", /^At most 200 characters$/],
    [{ subject: "two\nlines" }, "subject", /^The subject is one line$/],
    [{ body: " " }, "body", /^Enter the letter's text$/],
    [{ body: "长".repeat(7000) }, "body", /^At most 20 KB/],
  ])("refuses %j on %s, in save and preview, and writes nothing", async (change, field, message) => {
    const before = await writes();
    // Each call starts only when the previous is settled: a call made early would reject unobserved.
    for (const call of [() => caller(owner).update({ ...valid, ...change }), () => caller(owner).preview({ ...valid, ...change })]) {
      const r = await refusal(call());
      expect(r.code).toBe("BAD_REQUEST");
      expect(r.fieldErrors?.[field]?.[0]).toMatch(message);
    }
    expect(await writes()).toEqual(before);
  });

  it("refuses absurd sizes and wrong types before any work", async () => {
    const before = await writes();
    expect((await refusal(caller(owner).update({ ...valid, body: "x".repeat(200_001) }))).code).toBe("BAD_REQUEST");
    expect((await refusal(caller(owner).update({ ...valid, enabled: "yes" as unknown as boolean }))).fieldErrors).toHaveProperty("enabled");
    expect(await writes()).toEqual(before);
  });
});
