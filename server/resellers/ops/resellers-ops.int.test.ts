import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorUser } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { apiAs, key, mailSink, newReseller, PNG_LOGO, refusedWritingNothing, SVG_LOGO, tokenFromMail, uniqueEmail, uniqueName } from "./reseller-test-fixtures";

let sink: SmtpSink;
const ops = apiAs(operatorUser).resellers.ops;

beforeAll(async () => {
  sink = await mailSink();
});
afterAll(() => sink.close());

describe("resellers.ops.create", () => {
  it("opens a reseller with its card, pricing and an invited first staff account, audited, and e-mails the invitation", async () => {
    const input = newReseller({ logo: PNG_LOGO });
    const result = await ops.create(input);
    expect(result.created).toBe(true);
    expect(result.reseller).toMatchObject({ name: input.name, parentId: null, status: "active", discountBps: 1500, creditLimit: 500_000, staffCount: 1, clientCount: 0 });
    expect(result.staff).toMatchObject({ invitationSent: true, user: { email: input.staff.email, status: "invited" } });
    expect(result.staff.user.invitationExpiresAt).toBeInstanceOf(Date);
    const row = await db.reseller.findUniqueOrThrow({ where: { id: result.reseller.id } });
    expect(row).toMatchObject({ logo: PNG_LOGO, serviceHours: "工作日 9:00–18:00", contactPhone: "+86 10 8888 6666" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reseller.create", targetId: row.id } });
    expect(audit).toMatchObject({ actorId: operatorUser.id, tenantId: null, details: expect.objectContaining({ idempotencyKey: input.idempotencyKey, logo: true }) });
    await sink.waitFor(1);
    expect(tokenFromMail(sink, input.staff.email)).toMatch(/^[\w-]{40,}$/);
  });

  it("returns the first reseller for a retry with the same request id, and refuses the id for another reseller", async () => {
    const input = newReseller();
    const first = await ops.create(input);
    const mails = sink.messages.length;
    const again = await ops.create(input);
    expect(again).toMatchObject({ created: false, reseller: { id: first.reseller.id } });
    expect(await db.reseller.count({ where: { name: input.name } })).toBe(1);
    expect(sink.messages.length).toBe(mails);
    expect(await refusedWritingNothing(() => ops.create({ ...input, name: uniqueName() }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/request id was already used/) });
  });

  it.each([
    ["an SVG logo", { logo: SVG_LOGO }, "logo", /SVG logos are not accepted/],
    ["a logo over 200 KB", { logo: `data:image/png;base64,${Buffer.concat([Buffer.from(PNG_LOGO.split(",")[1]!, "base64"), Buffer.alloc(210_000)]).toString("base64")}` }, "logo", /200 KB/],
    ["a discount over 100 %", { discountBps: 10_001 }, "discountBps", /0 % to 100 %/],
    ["a negative credit limit", { creditLimit: -1 }, "creditLimit", /cannot be negative/],
    ["a bad phone", { contactPhone: "call me" }, "contactPhone", /digits/],
    ["a bad staff e-mail", { staff: { name: "李娜", email: "nope" } }, "staff.email", /valid e-mail/],
  ])("refuses %s under its field, writing nothing", async (_what, overrides, field, message) => {
    const r = await refusedWritingNothing(() => ops.create(newReseller(overrides)));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.[field]?.join(" ")).toMatch(message);
  });

  it("refuses a parent that is a sub-reseller (one level only) and a parent that does not exist", async () => {
    const top = await ops.create(newReseller());
    const sub = await ops.create(newReseller({ parentId: top.reseller.id }));
    expect(sub.reseller).toMatchObject({ parentId: top.reseller.id, parentName: top.reseller.name });
    const deep = await refusedWritingNothing(() => ops.create(newReseller({ parentId: sub.reseller.id })));
    expect(deep).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { parentId: [expect.stringMatching(/one level deep only/)] } });
    expect(await refusedWritingNothing(() => ops.create(newReseller({ parentId: "no-such-reseller" })))).toMatchObject({ code: "NOT_FOUND", fieldErrors: { parentId: ["Reseller not found"] } });
  });

  it("refuses a staff e-mail that already has an account, and a company name already used, under their fields", async () => {
    const first = await ops.create(newReseller());
    const dupEmail = await refusedWritingNothing(() => ops.create(newReseller({ staff: { name: "张三", email: first.staff.user.email.toUpperCase() } })));
    expect(dupEmail).toMatchObject({ code: "CONFLICT", fieldErrors: { "staff.email": [expect.stringMatching(/already has an account/)] } });
    const dupName = await refusedWritingNothing(() => ops.create(newReseller({ name: first.reseller.name })));
    expect(dupName).toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringMatching(/already exists/)] } });
  });
});

describe("resellers.ops.list and get", () => {
  it("lists with counts, filters by search, status and parent, and shows a full card", async () => {
    const top = await ops.create(newReseller({ name: uniqueName("列表一级") }));
    const sub = await ops.create(newReseller({ name: uniqueName("列表下级"), parentId: top.reseller.id }));
    await db.tenant.create({ data: { name: "客户甲", resellerId: top.reseller.id } });
    const rows = await ops.list({ search: "列表" });
    expect(rows.find((r) => r.id === top.reseller.id)).toMatchObject({ subResellerCount: 1, clientCount: 1, staffCount: 1, parentName: null });
    expect(rows.find((r) => r.id === sub.reseller.id)).toMatchObject({ parentName: top.reseller.name });
    expect((await ops.list({ parentId: top.reseller.id })).map((r) => r.id)).toEqual([sub.reseller.id]);
    await ops.update({ resellerId: sub.reseller.id, status: "suspended" });
    expect((await ops.list({ status: "suspended" })).map((r) => r.id)).toContain(sub.reseller.id);
    expect((await ops.list({ status: "active" })).map((r) => r.id)).not.toContain(sub.reseller.id);
    const card = await ops.get({ resellerId: top.reseller.id });
    expect(card).toMatchObject({ parent: null, children: [{ id: sub.reseller.id, status: "suspended", clientCount: 0 }], staff: [{ status: "invited" }], currency: "CNY" });
    expect((await ops.get({ resellerId: sub.reseller.id })).parent).toMatchObject({ id: top.reseller.id });
    expect(await refusal(ops.get({ resellerId: "no-such" }))).toMatchObject({ code: "NOT_FOUND", message: "Reseller not found" });
  });
});

describe("resellers.ops.update", () => {
  it("edits the card and status, logging before and after of the changed fields only", async () => {
    const r = await ops.create(newReseller());
    const row = await ops.update({ resellerId: r.reseller.id, contactPhone: "400-800-1234", status: "suspended", logo: PNG_LOGO, contactName: "王建国" });
    expect(row).toMatchObject({ contactPhone: "400-800-1234", status: "suspended" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reseller.update", targetId: r.reseller.id } });
    expect(audit.details).toEqual({
      before: { contactPhone: "+86 10 8888 6666", status: "active", logo: null },
      after: { contactPhone: "400-800-1234", status: "suspended", logo: { bytes: PNG_LOGO.length } },
    });
    const audits = await db.auditEvent.count({ where: { action: "reseller.update" } });
    await ops.update({ resellerId: r.reseller.id, contactPhone: "400-800-1234" });
    expect(await db.auditEvent.count({ where: { action: "reseller.update" } })).toBe(audits);
    await ops.update({ resellerId: r.reseller.id, logo: null });
    expect((await db.reseller.findUniqueOrThrow({ where: { id: r.reseller.id } })).logo).toBeNull();
  });

  it("moves resellers in the tree one level deep only", async () => {
    const top = await ops.create(newReseller());
    const lone = await ops.create(newReseller());
    const sub = await ops.create(newReseller({ parentId: top.reseller.id }));
    expect(await refusedWritingNothing(() => ops.update({ resellerId: top.reseller.id, parentId: lone.reseller.id }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { parentId: [expect.stringMatching(/has sub-resellers of its own/)] },
    });
    expect(await refusal(ops.update({ resellerId: lone.reseller.id, parentId: sub.reseller.id }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { parentId: [expect.stringMatching(/one level deep/)] } });
    expect(await refusal(ops.update({ resellerId: lone.reseller.id, parentId: lone.reseller.id }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await ops.update({ resellerId: lone.reseller.id, parentId: top.reseller.id })).toMatchObject({ parentId: top.reseller.id });
    expect(await ops.update({ resellerId: sub.reseller.id, parentId: null })).toMatchObject({ parentId: null });
    expect(await refusal(ops.update({ resellerId: "no-such", status: "active" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(ops.update({ resellerId: lone.reseller.id, logo: SVG_LOGO }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { logo: [expect.stringMatching(/SVG/)] } });
  });
});

describe("resellers.ops staff", () => {
  it("adds an invited account, refusing an e-mail that has one; a retry returns the first", async () => {
    const r = await ops.create(newReseller());
    const email = uniqueEmail("new");
    const idempotencyKey = key();
    const added = await ops.addStaff({ resellerId: r.reseller.id, name: "赵六", email, idempotencyKey });
    expect(added).toMatchObject({ invitationSent: true, user: { email, status: "invited", name: "赵六" } });
    expect(await ops.addStaff({ resellerId: r.reseller.id, name: "赵六", email, idempotencyKey })).toMatchObject({ user: { id: added.user.id } });
    const dup = await refusedWritingNothing(() => ops.addStaff({ resellerId: r.reseller.id, name: "赵六", email, idempotencyKey: key() }));
    expect(dup).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [`${email} already has an account`] } });
    expect(await refusedWritingNothing(() => ops.addStaff({ resellerId: "no-such", name: "x", email: uniqueEmail(), idempotencyKey: key() }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("resends a new link that replaces the old one; disabling ends the links, enabling makes it invited again", async () => {
    const r = await ops.create(newReseller());
    const userId = r.staff.user.id;
    await sink.waitFor(sink.messages.length);
    const oldToken = tokenFromMail(sink, r.staff.user.email);
    const count = sink.messages.length;
    await ops.resendInvitation({ userId });
    await sink.waitFor(count + 1);
    const newToken = tokenFromMail(sink, r.staff.user.email);
    expect(newToken).not.toBe(oldToken);
    const api = apiAs(null).invitations;
    expect(await refusal(api.check({ token: oldToken }))).toMatchObject({ code: "NOT_FOUND" });
    await expect(api.check({ token: newToken })).resolves.toMatchObject({ email: r.staff.user.email, organisation: r.reseller.name, expired: false });

    expect(await ops.disableStaff({ userId })).toMatchObject({ status: "disabled", invitationExpiresAt: null });
    expect(await refusal(api.check({ token: newToken }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(ops.resendInvitation({ userId }))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/disabled/) });
    expect(await ops.enableStaff({ userId })).toMatchObject({ status: "invited" });
    expect(await db.auditEvent.count({ where: { targetId: userId, action: { in: ["reseller.staff.disable", "reseller.staff.enable", "reseller.staff.resend_invitation"] } } })).toBe(3);
    await db.user.update({ where: { id: userId }, data: { status: "active", passwordHash: "$argon2id$set" } });
    expect(await refusal(ops.resendInvitation({ userId }))).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/already set its password/) });
    await ops.disableStaff({ userId });
    expect(await ops.enableStaff({ userId })).toMatchObject({ status: "active" });
  });

  it("answers NOT_FOUND for an account that is not reseller staff", async () => {
    const admin = await db.user.create({ data: { email: uniqueEmail("admin"), name: "A", passwordHash: "!", role: "tenant_admin" } });
    for (const call of [ops.disableStaff, ops.enableStaff, ops.resendInvitation]) {
      expect(await refusal(call({ userId: admin.id }))).toMatchObject({ code: "NOT_FOUND", message: "Staff account not found" });
    }
  });
});
