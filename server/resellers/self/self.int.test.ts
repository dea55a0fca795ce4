import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { operatorUser } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { refusal } from "@/server/test/authz";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { apiAs, key, mailSink, newReseller, PNG_LOGO, refusedWritingNothing, sessionOf, SVG_LOGO, uniqueEmail, uniqueName } from "../ops/reseller-test-fixtures";

let sink: SmtpSink;
let top: SessionUser;
let topId: string;
const ops = apiAs(operatorUser).resellers.ops;
const self = (u: SessionUser) => apiAs(u).resellers.self;
const subInput = (overrides = {}) => ({ name: uniqueName("下级"), contactName: "周七", contactPhone: "021-66668888", contactEmail: "z@sub.test", staff: { name: "吴八", email: uniqueEmail() }, idempotencyKey: key(), ...overrides });

beforeAll(async () => {
  sink = await mailSink();
  const created = await ops.create(newReseller({ discountBps: 2000 }));
  topId = created.reseller.id;
  top = await sessionOf(created.staff.user.id);
});
afterAll(() => sink.close());

describe("a reseller's own card", () => {
  it("reads its card and maintains it (logo, hours, contact), audited", async () => {
    expect(await self(top).me()).toMatchObject({ id: topId, parentName: null, mayHaveSubResellers: true, status: "active", effectiveStatus: "active", discountBps: 2000 });
    const row = await self(top).updateCard({ contactPhone: "400-600-7000", logo: PNG_LOGO, serviceHours: "" });
    expect(row.contactPhone).toBe("400-600-7000");
    expect(await self(top).me()).toMatchObject({ logo: PNG_LOGO, serviceHours: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reseller.update", targetId: topId }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: top.id, actorRole: "reseller", actorResellerId: topId });
    expect(await refusedWritingNothing(() => self(top).updateCard({ logo: SVG_LOGO }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { logo: [expect.stringMatching(/SVG/)] } });
  });
});

describe("sub-resellers", () => {
  it("a top-level reseller creates one that inherits its discount with no credit, and invites its first staff", async () => {
    const input = subInput();
    const created = await self(top).createSubReseller(input);
    expect(created.reseller).toMatchObject({ parentId: topId, discountBps: 2000, creditLimit: 0, staffCount: 1 });
    expect(created.staff).toMatchObject({ invitationSent: true, user: { status: "invited" } });
    const mail = await sink.waitFor(2).then((all) => all.find((m) => m.to.includes(input.staff.email))!);
    expect(mail.text).toContain((await db.reseller.findUniqueOrThrow({ where: { id: topId } })).name); // invited by the parent
    expect(await self(top).createSubReseller(input)).toMatchObject({ created: false, reseller: { id: created.reseller.id } });
    expect((await self(top).subResellers()).map((r) => r.id)).toContain(created.reseller.id);

    const sub = await sessionOf(created.staff.user.id);
    expect(await self(sub).me()).toMatchObject({ mayHaveSubResellers: false, parentName: expect.any(String) });
    expect(await self(sub).subResellers()).toEqual([]);
    expect(await refusedWritingNothing(() => self(sub).createSubReseller(subInput()))).toMatchObject({ code: "FORBIDDEN", message: "Only a top-level reseller can have sub-resellers" });

    const edited = await self(top).updateSubReseller({ resellerId: created.reseller.id, contactName: "周七七" });
    expect(edited).toMatchObject({ contactName: "周七七", status: "active" });
    // Suspending is the platform's: a parent cannot (it could otherwise lift an operator's suspension).
    await expect(self(top).updateSubReseller({ resellerId: created.reseller.id, status: "active" } as never)).resolves.toMatchObject({ status: "active" });
    await db.reseller.update({ where: { id: created.reseller.id }, data: { status: "suspended" } });
    await expect(self(top).updateSubReseller({ resellerId: created.reseller.id, status: "active" } as never)).resolves.toMatchObject({ status: "suspended" });
    expect(await refusedWritingNothing(() => self(top).createSubReseller(subInput({ staff: { name: "x", email: top.email } })))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { "staff.email": [expect.stringMatching(/already has an account/)] },
    });
  });
});

describe("a suspended reseller", () => {
  it("can read but every write is refused; its sub-resellers too", async () => {
    const parent = await ops.create(newReseller());
    const staff = await sessionOf(parent.staff.user.id);
    const child = await self(staff).createSubReseller(subInput());
    const childStaff = await sessionOf(child.staff.user.id);
    const colleague = await self(staff).addStaff({ name: "同事", email: uniqueEmail(), idempotencyKey: key() });
    await ops.update({ resellerId: parent.reseller.id, status: "suspended" });

    expect(await self(staff).me()).toMatchObject({ status: "suspended", effectiveStatus: "suspended" });
    expect((await self(staff).staff()).length).toBe(2);
    expect(await self(childStaff).me()).toMatchObject({ status: "active", effectiveStatus: "suspended" });
    const writes: (() => Promise<unknown>)[] = [
      () => self(staff).updateCard({ contactPhone: "400-000-0000" }),
      () => self(staff).addStaff({ name: "x", email: uniqueEmail(), idempotencyKey: key() }),
      () => self(staff).resendInvitation({ userId: colleague.user.id }),
      () => self(staff).disableStaff({ userId: colleague.user.id }),
      () => self(staff).enableStaff({ userId: colleague.user.id }),
      () => self(staff).createSubReseller(subInput()),
      () => self(staff).updateSubReseller({ resellerId: child.reseller.id, contactName: "暂停中" }),
      () => self(childStaff).updateCard({ serviceHours: "x" }),
    ];
    for (const write of writes) {
      expect(await refusedWritingNothing(write)).toMatchObject({ code: "PRECONDITION_FAILED", message: "Your reseller account is suspended" });
    }
    expect(await refusal(self(staff).updateCard({ contactPhone: "400-000-0000" }), "zh-CN")).toMatchObject({ message: "您的经销商账号已暂停" });
  });
});

describe("a reseller's own staff", () => {
  it("adds, resends, disables and enables its own staff; cannot disable itself", async () => {
    const added = await self(top).addStaff({ name: "新同事", email: uniqueEmail(), idempotencyKey: key() });
    expect(added.user.status).toBe("invited");
    expect((await self(top).staff()).map((s) => s.id)).toContain(added.user.id);
    expect((await self(top).resendInvitation({ userId: added.user.id })).invitationSent).toBe(true);
    expect(await self(top).disableStaff({ userId: added.user.id })).toMatchObject({ status: "disabled" });
    expect(await self(top).enableStaff({ userId: added.user.id })).toMatchObject({ status: "invited" });
    expect(await refusedWritingNothing(() => self(top).disableStaff({ userId: top.id }))).toMatchObject({ code: "PRECONDITION_FAILED", message: "You cannot disable your own account" });
    expect(await refusedWritingNothing(() => self(top).addStaff({ name: "x", email: added.user.email, idempotencyKey: key() }))).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.any(String)] } });
  });
});
