import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tokenHashOf } from "@/server/auth/invitations/create-invitation";
import { acceptInvitation } from "@/server/auth/invitations/accept-invitation";
import { getSpamPolicy } from "@/server/mail/policy/get-spam-policy";
import { getWelcomeTemplate } from "@/server/tenants/welcome/get-welcome-template";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { closeMailer } from "@/server/shared/mailer";
import { refusal } from "@/server/test/authz";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { callerFor, makeResellerTree, requestId, useSmtpSink, type ResellerTree } from "./client-test-fixtures";

// Opening a client: tenant, invited admin, invitation and audit in one transaction, the e-mail
// (to a real SMTP listener) after the commit; every refusal leaves nothing written.
let t: ResellerTree;
let sink: SmtpSink;
let restoreClock: () => void;
const NOW = new Date("2026-11-20T02:00:00Z");
const top = () => callerFor(t.users.top).clients;
let seq = 0;
const input = (extra: Record<string, unknown> = {}) => ({
  companyName: `新客户${++seq}`,
  adminName: "李雷",
  adminEmail: `li.lei${seq}@client${seq}.test`,
  idempotencyKey: requestId(),
  ...extra,
});
const counts = async () => ({
  tenants: await db.tenant.count(),
  users: await db.user.count(),
  tokens: await db.accountToken.count(),
  // The use case's own entries (reseller.client.…): the operation log's fallback entries for a
  // refusal or a replay are named after the procedure path (resellers.clients.create) and change nothing.
  audits: await db.auditEvent.count({ where: { action: { startsWith: "reseller." } } }),
});
const tokenIn = (text: string) => /\/invite\/([\w-]+)/.exec(text)?.[1] ?? "";

beforeAll(async () => {
  restoreClock = setClock(NOW);
  sink = await useSmtpSink();
  t = await makeResellerTree();
});
beforeEach(() => {
  sink.messages.length = 0;
});
afterAll(async () => {
  restoreClock();
  closeMailer();
  await sink.close();
});

describe("resellers.clients.create", () => {
  it("opens the tenant under the reseller with an invited admin, audits it and e-mails a working invitation", async () => {
    const req = input({ companyName: "  东方贸易有限公司 ", adminEmail: "Boss@DongFang.test" });
    const created = await top().create(req);
    expect(created).toMatchObject({ name: "东方贸易有限公司", ownerResellerId: t.top.id, adminEmail: "boss@dongfang.test", invitationSent: true, created: true });

    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: created.tenantId } });
    expect(tenant).toMatchObject({ name: "东方贸易有限公司", resellerId: t.top.id, timeZone: "Asia/Shanghai", status: "active" });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "boss@dongfang.test" } });
    expect(admin).toMatchObject({ role: "tenant_admin", status: "invited", tenantId: tenant.id, name: "李雷" });
    expect(admin.passwordHash).toMatch(/^!invited:/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reseller.client.create" } });
    expect(audit).toMatchObject({ tenantId: tenant.id, actorResellerId: t.top.id, actorId: "top-staff", targetType: "tenant", targetId: tenant.id, result: "success" });

    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toEqual(["boss@dongfang.test"]);
    expect(mail!.subject).toContain("东方贸易有限公司");
    expect(mail!.text).toContain(t.top.name);
    const token = tokenIn(mail!.text);
    expect(mail!.text).toContain(`https://portal.example.test/invite/${token}`);
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: admin.id } });
    expect(stored).toMatchObject({ purpose: "invite", tokenHash: tokenHashOf(token), usedAt: null, expiresAt: new Date(NOW.getTime() + 7 * 86_400_000) });

    // The link opens the account, and the new tenant works with the platform's defaults.
    await acceptInvitation({ token, password: "Xk7#mq2!Lp9$vz", confirm: "Xk7#mq2!Lp9$vz" }, "127.0.0.1");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).status).toBe("active");
    expect((await getSpamPolicy(tenant.id)).isDefault).toBe(true);
    expect((await getWelcomeTemplate(tenant.id)).isDefault).toBe(true);
  });

  it("keeps a chosen time zone in its canonical spelling", async () => {
    const created = await top().create(input({ timeZone: "europe/berlin" }));
    expect((await db.tenant.findUniqueOrThrow({ where: { id: created.tenantId } })).timeZone).toBe("Europe/Berlin");
  });

  it("lets a parent open the client directly under one of its sub-resellers, invited in the sub-reseller's name", async () => {
    const created = await top().create(input({ subResellerId: t.sub.id }));
    expect(created.ownerResellerId).toBe(t.sub.id);
    expect((await db.tenant.findUniqueOrThrow({ where: { id: created.tenantId } })).resellerId).toBe(t.sub.id);
    const [mail] = await sink.waitFor(1);
    expect(mail!.text).toContain(t.sub.name);
  });

  it.each([
    ["another reseller's sub-reseller", () => t.users.top, () => t.other.id],
    ["a sibling of the caller", () => t.users.sub, () => t.siblingSub.id],
    ["the caller's parent", () => t.users.sub, () => t.top.id],
    ["a reseller that does not exist", () => t.users.top, () => "no-such-reseller"],
  ])("answers NOT_FOUND for a sub-reseller that is %s, writing nothing", async (_what, user, subResellerId) => {
    const before = await counts();
    const r = await refusal(callerFor(user()).clients.create(input({ subResellerId: subResellerId() })));
    expect(r).toMatchObject({ code: "NOT_FOUND", message: "Sub-reseller not found", fieldErrors: { subResellerId: ["Sub-reseller not found"] } });
    expect(await counts()).toEqual(before);
    expect(sink.messages).toHaveLength(0);
  });

  it("answers a retry with the first tenant and sends no second e-mail; a reused id for another client is a CONFLICT", async () => {
    const req = input();
    const first = await top().create(req);
    await sink.waitFor(1);
    const before = await counts();
    const again = await top().create(req);
    expect(again).toEqual({ ...first, invitationSent: false, created: false });
    expect(await counts()).toEqual(before);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.messages).toHaveLength(1);
    const r = await refusal(top().create({ ...req, companyName: "别的公司" }));
    expect(r).toMatchObject({ code: "CONFLICT", message: "This request id was already used for a different client" });
  });

  it("creates one tenant when the same request arrives twice at once", async () => {
    const req = input();
    const results = await Promise.allSettled([top().create(req), top().create(req)]);
    const ok = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ tenantId: string }>).value.tenantId);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok).size).toBe(1);
    expect(await db.tenant.count({ where: { name: req.companyName } })).toBe(1);
    expect(await db.user.count({ where: { email: req.adminEmail } })).toBe(1);
  });

  it("refuses an administrator e-mail that already has an account, on the field, whatever its case", async () => {
    const before = await counts();
    const r = await refusal(top().create(input({ adminEmail: t.clients.own.adminEmail.toUpperCase() })));
    expect(r.code).toBe("CONFLICT");
    expect(r.fieldErrors).toEqual({ adminEmail: ["This e-mail address already has an account: choose another one for the administrator"] });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["a malformed e-mail", { adminEmail: "not-an-email" }, "adminEmail", "Enter a valid e-mail address, e.g. admin@example.com"],
    ["an empty company name", { companyName: "   " }, "companyName", "Enter the company name"],
    ["an empty administrator name", { adminName: "" }, "adminName", "Enter the administrator's name"],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone", "Choose a time zone from the list, e.g. Asia/Shanghai"],
    ["a company name over 120 characters", { companyName: "公".repeat(121) }, "companyName", "At most 120 characters"],
    ["a bad request id", { idempotencyKey: "x" }, "idempotencyKey", "The request id must be 8 to 100 characters"],
  ])("refuses %s with a field error and writes nothing", async (_what, bad, field, message) => {
    const before = await counts();
    const r = await refusal(top().create(input(bad)));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.[field]).toEqual([message]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a suspended reseller, a sub-reseller under a suspended parent, and a suspended sub-reseller as owner", async () => {
    const tree = await makeResellerTree("停");
    const before = await counts();
    await db.reseller.update({ where: { id: tree.siblingSub.id }, data: { status: "suspended" } });
    expect((await refusal(callerFor(tree.users.top).clients.create(input({ subResellerId: tree.siblingSub.id })))).code).toBe("PRECONDITION_FAILED");
    await db.reseller.update({ where: { id: tree.top.id }, data: { status: "suspended" } });
    const r = await refusal(callerFor(tree.users.top).clients.create(input()));
    expect(r).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("suspended") });
    expect((await refusal(callerFor(tree.users.sub).clients.create(input()))).code).toBe("PRECONDITION_FAILED");
    expect(await counts()).toEqual(before);
  });

  it("keeps the client when the mail server is down, and the invitation can be sent again", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    resetEnvCache();
    closeMailer();
    try {
      const created = await top().create(input());
      expect(created).toMatchObject({ created: true, invitationSent: false });
      expect(await db.tenant.findUnique({ where: { id: created.tenantId } })).not.toBeNull();
    } finally {
      process.env.SMTP_URL = sink.url;
      resetEnvCache();
      closeMailer();
    }
  });
});

describe("resellers.clients.resendInvitation", () => {
  it("sends a new link that replaces the old one, audited", async () => {
    const created = await top().create(input());
    const [first] = await sink.waitFor(1);
    const resent = await top().resendInvitation({ tenantId: created.tenantId });
    expect(resent).toMatchObject({ email: created.adminEmail, sent: true });
    const [, second] = await sink.waitFor(2);
    const oldToken = tokenIn(first!.text);
    const newToken = tokenIn(second!.text);
    expect(newToken).not.toBe(oldToken);
    expect((await db.accountToken.findUniqueOrThrow({ where: { tokenHash: tokenHashOf(oldToken) } })).usedAt).not.toBeNull();
    expect((await db.accountToken.findUniqueOrThrow({ where: { tokenHash: tokenHashOf(newToken) } })).usedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "reseller.client.invitation.resend", tenantId: created.tenantId, actorResellerId: t.top.id } })).toBe(1);
  });

  it("refuses once the administrator has accepted, and for a client outside the tree, sending nothing", async () => {
    const created = await top().create(input());
    await sink.waitFor(1);
    await db.user.updateMany({ where: { tenantId: created.tenantId }, data: { status: "active" } });
    expect(await refusal(top().resendInvitation({ tenantId: created.tenantId }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The client's administrator has already accepted the invitation",
    });
    expect((await refusal(top().resendInvitation({ tenantId: t.clients.other.tenantId }))).code).toBe("NOT_FOUND");
    expect((await refusal(top().resendInvitation({ tenantId: "" }))).code).toBe("BAD_REQUEST");
    expect(sink.messages).toHaveLength(1);
  });
});
