import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { DEFAULT_POLICY } from "./security-policy";
import { operatorUser, policyCaller, refusedWritingNothing, seedPolicyWorld } from "./policy-test-fixtures";

let world: Awaited<ReturnType<typeof seedPolicyWorld>>;
beforeAll(async () => {
  world = await seedPolicyWorld();
});

describe("a tenant's security policy", () => {
  it("starts at the defaults", async () => {
    const p = await policyCaller(world.a.admin).tenant.get();
    expect(p).toMatchObject({ ...DEFAULT_POLICY, scope: world.a.tenant.id, isDefault: true, updatedAt: null });
  });

  it("saves the knobs sent, keeps the others, and logs before and after of what changed", async () => {
    const p = await policyCaller(world.a.admin).tenant.update({ lockoutThreshold: 8, lockoutMinutes: 60 });
    expect(p).toMatchObject({ ...DEFAULT_POLICY, lockoutThreshold: 8, lockoutMinutes: 60, isDefault: false });
    const row = await db.securityPolicy.findUniqueOrThrow({ where: { scope: world.a.tenant.id } });
    expect(row).toMatchObject({ lockoutThreshold: 8, lockoutMinutes: 60, passwordMinLength: 8, updatedById: world.a.admin.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "security_policy.update", tenantId: world.a.tenant.id } });
    expect(audit).toMatchObject({ actorId: world.a.admin.id, targetType: "security_policy", targetId: world.a.tenant.id });
    expect(audit.details).toEqual({ scope: world.a.tenant.id, from: { lockoutThreshold: 5, lockoutMinutes: 30 }, to: { lockoutThreshold: 8, lockoutMinutes: 60 } });
    // The other tenant is untouched.
    expect((await policyCaller(world.b.admin).tenant.get()).lockoutThreshold).toBe(5);
  });

  it("writes nothing when nothing changes", async () => {
    const where = { action: "security_policy.update", tenantId: world.a.tenant.id };
    const before = await db.auditEvent.count({ where });
    const row = await db.securityPolicy.findUniqueOrThrow({ where: { scope: world.a.tenant.id } });
    await policyCaller(world.a.admin).tenant.update({ lockoutThreshold: 8 });
    expect(await db.auditEvent.count({ where })).toBe(before);
    expect((await db.securityPolicy.findUniqueOrThrow({ where: { scope: world.a.tenant.id } })).updatedAt).toEqual(row.updatedAt);
  });

  it("refuses a policy out of bounds with a field error per problem, writing nothing", async () => {
    const r = await refusedWritingNothing(() => policyCaller(world.a.admin).tenant.update({ passwordMinLength: 12, passwordMaxLength: 10, lockoutThreshold: 1 }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", message: "The security settings are not valid" });
    expect(r.fieldErrors).toEqual({
      lockoutThreshold: ["Failed attempts before lockout must be a whole number from 3 to 50"],
      passwordMaxLength: ["Maximum length must be at least the minimum length (12)"],
    });
  });

  it("checks the result against the stored knobs too (a lifetime shorter than the stored reminder)", async () => {
    await policyCaller(world.b.admin).tenant.update({ passwordReminderDays: 40 });
    const r = await refusedWritingNothing(() => policyCaller(world.b.admin).tenant.update({ passwordMaxAgeDays: 30 }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", message: "The reminder must come before the password expires: fewer than 30 days" });
  });

  it("answers in Chinese to a Chinese caller", async () => {
    const { refusal } = await import("@/server/test/authz");
    const r = await refusal(policyCaller(world.a.admin).tenant.update({ sessionIdleMinutes: 1 }), "zh-CN");
    expect(r.message).toBe("空闲超时（分钟）须为 5 到 480 之间的整数");
  });

  it.each([
    [{ lockoutThreshold: "five" }],
    [{ webDefault: "maybe" }],
    [{ totpPolicy: "always" }],
    [{ lockoutThreshold: Number.POSITIVE_INFINITY }],
    [{ nonsense: 1 }],
  ])("refuses malformed input %j", async (input) => {
    const r = await refusedWritingNothing(() => policyCaller(world.a.admin).tenant.update(input as never));
    expect(r.code).toBe("BAD_REQUEST");
  });

  it("refuses a deny default for the web portal that would shut out the admin's own address", async () => {
    const r = await refusedWritingNothing(() => policyCaller(world.a.admin, "198.51.100.7").tenant.update({ webDefault: "deny" }));
    expect(r.code).toBe("PRECONDITION_FAILED");
    expect(r.message).toContain("your own address (198.51.100.7)");
    expect(r.fieldErrors?.webDefault).toHaveLength(1);
    // Mail clients are not how the admin signs in: a deny default there is theirs to choose.
    await policyCaller(world.a.admin, "198.51.100.7").tenant.update({ mailDefault: "deny" });
  });

  it("allows the deny default once an allow rule covers the admin's address", async () => {
    await policyCaller(world.a.admin, "198.51.100.7").tenant.addIpRule({ channel: "web", action: "allow", cidr: "198.51.100.0/24" });
    const p = await policyCaller(world.a.admin, "198.51.100.7").tenant.update({ webDefault: "deny" });
    expect(p.webDefault).toBe("deny");
  });
});

describe("the platform's policy", () => {
  it("is the operators': saved, logged without a tenant", async () => {
    const p = await policyCaller(operatorUser).ops.update({ totpPolicy: "required", sessionIdleMinutes: 15 });
    expect(p).toMatchObject({ scope: "platform", totpPolicy: "required", sessionIdleMinutes: 15 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "security_policy.update", targetId: "platform" } });
    expect(audit).toMatchObject({ tenantId: null, actorRole: "operator" });
    expect((await policyCaller(operatorUser).ops.get()).totpPolicy).toBe("required");
  });

  it("keeps allow defaults: staff accounts have no IP rules", async () => {
    const r = await refusedWritingNothing(() => policyCaller(operatorUser).ops.update({ webDefault: "deny" }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { webDefault: ["Web portal default: staff accounts have no IP sign-in rules, so the platform's default stays allow"] } });
  });

  it("lets operators read any tenant's policy; an unknown tenant is NOT_FOUND", async () => {
    expect((await policyCaller(operatorUser).ops.tenantPolicy({ tenantId: world.a.tenant.id })).lockoutThreshold).toBe(8);
    const { refusal } = await import("@/server/test/authz");
    expect((await refusal(policyCaller(operatorUser).ops.tenantPolicy({ tenantId: "no-such-tenant" }))).code).toBe("NOT_FOUND");
  });
});
