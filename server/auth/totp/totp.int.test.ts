import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { refusal } from "@/server/test/authz";
import { checkSecondFactor } from "./check-second-factor";
import { callerFor, codeFor, enrol, makeAccount, makeWorld, PASSWORD } from "./totp-test-fixtures";
import type { SessionUser } from "@/server/auth/session-user";

const T0 = new Date("2026-11-28T10:00:10Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let restore: () => void;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  world = await makeWorld();
});
beforeEach(() => {
  restore = setClock(T0);
});
afterEach(() => restore());

const rowOf = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe("enrolment", () => {
  let admin: SessionUser;
  beforeEach(async () => {
    admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
  });

  it("begins with a QR code, an otpauth URI and a grouped key, keeping the secret sealed and pending", async () => {
    const started = await callerFor(admin).security.totp.beginEnrolment();
    expect(started.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(started.manualKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const row = await rowOf(admin.id);
    expect(row.totpPendingSecret).toMatch(/^v1\./);
    expect(row.totpPendingSecret).not.toContain(started.manualKey.replace(/ /g, ""));
    expect(row.totpEnabledAt).toBeNull();
    expect(await callerFor(admin).security.totp.status()).toMatchObject({ enabled: false, required: false });
  });

  it("confirms with a code of the app, returns ten recovery codes once, and then checks codes at sign-in", async () => {
    const codes = await enrol(admin, T0);
    expect(codes).toHaveLength(10);
    const row = await rowOf(admin.id);
    expect(row).toMatchObject({ totpPendingSecret: null });
    expect(row.totpEnabledAt).toEqual(T0);
    expect(await db.recoveryCode.count({ where: { userId: admin.id } })).toBe(10);
    expect(await callerFor(admin).security.totp.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const audit = await db.auditEvent.findMany({ where: { targetId: admin.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["totp.enrolment_begin", "totp.enable"]);

    // The confirming code's step is spent: the same code cannot sign in.
    expect(await checkSecondFactor(await rowOf(admin.id), await codeFor(admin.id, T0), T0)).toBe("replayed");
    const next = later(30);
    const code = await codeFor(admin.id, next);
    expect(await checkSecondFactor(await rowOf(admin.id), code, next)).toBe("ok");
    expect(await checkSecondFactor(await rowOf(admin.id), code, next)).toBe("replayed");
    expect(await checkSecondFactor(await rowOf(admin.id), "000000", later(60))).toBe("invalid");
    expect(await checkSecondFactor(await rowOf(admin.id), "", later(60))).toBe("missing");
    expect(await checkSecondFactor(await rowOf(admin.id), null, later(60))).toBe("missing");
  });

  it("refuses a wrong confirmation code on the code field and stays off", async () => {
    await callerFor(admin).security.totp.beginEnrolment();
    const r = await refusal(callerFor(admin).security.totp.confirmEnrolment({ code: "123456" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors?.code?.[0]).toMatch(/not right/);
    expect((await rowOf(admin.id)).totpEnabledAt).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: admin.id } })).toBe(0);
  });

  it("refuses to confirm before beginning, and to begin twice once on", async () => {
    expect((await refusal(callerFor(admin).security.totp.confirmEnrolment({ code: "123456" }))).code).toBe("PRECONDITION_FAILED");
    await enrol(admin, T0);
    const r = await refusal(callerFor(admin).security.totp.beginEnrolment());
    expect(r).toMatchObject({ code: "CONFLICT", message: "Two-step verification is already on for this account" });
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    // Refusals are logged as failures (the audit middleware); nothing succeeds or changes.
    const before = await db.auditEvent.count({ where: { result: "success" } });
    expect((await refusal(callerFor(admin).security.totp.confirmEnrolment({ code: "" }))).fieldErrors).toHaveProperty("code");
    expect((await refusal(callerFor(admin).security.totp.confirmEnrolment({ code: "x".repeat(40) }))).fieldErrors).toHaveProperty("code");
    expect((await refusal(callerFor(admin).security.totp.disable({ password: "", code: "123456" }))).fieldErrors).toHaveProperty("password");
    expect((await refusal(callerFor(world.users.operator).security.totp.resetForUser({ userId: "" }))).code).toBe("BAD_REQUEST");
    expect(await db.auditEvent.count({ where: { result: "success" } })).toBe(before);
    expect(await rowOf(admin.id)).toMatchObject({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null });
  });
});

describe("recovery codes", () => {
  it("each works once, in any case or spacing; regenerating replaces them all", async () => {
    const admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    const codes = await enrol(admin, T0);
    const typed = codes[0]!.toUpperCase().replace("-", " ");
    expect(await checkSecondFactor(await rowOf(admin.id), typed, later(5))).toBe("ok");
    expect(await checkSecondFactor(await rowOf(admin.id), codes[0], later(6))).toBe("invalid");
    expect(await callerFor(admin).security.totp.status()).toMatchObject({ recoveryCodesLeft: 9 });

    const fresh = await callerFor(admin).security.totp.regenerateRecoveryCodes({ code: await codeFor(admin.id, later(30)) });
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(await checkSecondFactor(await rowOf(admin.id), codes[1], later(40))).toBe("invalid");
    expect(await checkSecondFactor(await rowOf(admin.id), fresh.recoveryCodes[0], later(41))).toBe("ok");
  });

  it("regenerating needs a right, unused code", async () => {
    const admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    await enrol(admin, T0);
    const r = await refusal(callerFor(admin).security.totp.regenerateRecoveryCodes({ code: await codeFor(admin.id, T0) }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", message: "That code was already used: wait for the next one in your app" });
  });
});

describe("turning it off", () => {
  it("needs the password and a current code, then clears secret and codes", async () => {
    const admin = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    await enrol(admin, T0);
    const code = await codeFor(admin.id, later(30));
    restore();
    restore = setClock(later(30));
    expect((await refusal(callerFor(admin).security.totp.disable({ password: "wrong", code }))).fieldErrors?.password).toBeDefined();
    expect((await refusal(callerFor(admin).security.totp.disable({ password: PASSWORD, code: "111111" }))).fieldErrors?.code).toBeDefined();
    expect(await callerFor(admin).security.totp.disable({ password: PASSWORD, code })).toEqual({ disabled: true });
    const row = await rowOf(admin.id);
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: admin.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: admin.id, action: "totp.disable" } })).toBe(1);
  });

  it("is refused when the policy requires a second factor (operators always)", async () => {
    const operator = await makeAccount("operator");
    await enrol(operator, T0);
    const r = await refusal(callerFor(operator).security.totp.disable({ password: PASSWORD, code: await codeFor(operator.id, later(30)) }));
    expect(r).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(r.message).toMatch(/requires two-step verification/);
    expect((await rowOf(operator.id)).totpEnabledAt).not.toBeNull();
  });

  it("is refused for a tenant admin whose tenant requires it", async () => {
    const tenant = await db.tenant.create({ data: { name: "Strict" } });
    await db.securityPolicy.create({ data: { scope: tenant.id, totpPolicy: "required" } });
    const admin = await makeAccount("tenant_admin", { tenantId: tenant.id });
    await enrol(admin, T0);
    expect(await callerFor(admin).security.totp.status()).toMatchObject({ required: true });
    const r = await refusal(callerFor(admin).security.totp.disable({ password: PASSWORD, code: await codeFor(admin.id, later(30)) }));
    expect(r.code).toBe("PRECONDITION_FAILED");
  });
});

describe("an admin's reset", () => {
  it("a tenant admin resets another admin of the tenant: factor off, sessions ended, audited", async () => {
    const target = await makeAccount("tenant_admin", { tenantId: world.tenantA.id });
    await enrol(target, T0);
    const result = await callerFor(world.users.adminA).security.totp.resetForUser({ userId: target.id });
    expect(result).toEqual({ reset: true, sessionsEnded: 1 });
    expect((await rowOf(target.id)).totpEnabledAt).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: target.id } })).toBe(0);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: target.sessionId! } })).revokedReason).toBe("totp_reset");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "totp.reset", targetId: target.id } });
    expect(audit).toMatchObject({ actorId: world.users.adminA.id, tenantId: world.tenantA.id });
  });

  it("is NOT_FOUND outside the tenant, for operators and resellers, for unknown ids; refused for oneself", async () => {
    const { adminA, adminB, operator, reseller } = world.users;
    for (const userId of [adminB.id, operator.id, reseller.id, "no-such-user"]) {
      expect((await refusal(callerFor(adminA).security.totp.resetForUser({ userId }))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(callerFor(adminA).security.totp.resetForUser({ userId: adminA.id }))).code).toBe("BAD_REQUEST");
  });

  it("an operator resets any portal account", async () => {
    const target = await makeAccount("reseller", { resellerId: world.reseller.id });
    await enrol(target, T0);
    expect(await callerFor(world.users.operator).security.totp.resetForUser({ userId: target.id })).toMatchObject({ reset: true });
    expect((await refusal(callerFor(world.users.operator).security.totp.resetForUser({ userId: "no-such-user" }))).code).toBe("NOT_FOUND");
  });
});
