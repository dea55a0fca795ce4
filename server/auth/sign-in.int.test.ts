import { beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_SCOPE } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { hashPassword } from "./password";
import { signIn } from "./sign-in";

const ctx = { ip: "203.0.113.7", userAgent: "vitest" };
// The timing comparison makes many wrong attempts: from an allow-listed address they are never
// locked out (the lockout itself is tested in gate/sign-in-gate.int.test.ts).
const timingCtx = { ip: "198.51.100.200", userAgent: "vitest" };

beforeAll(async () => {
  process.env.SIGN_IN_RATE_PER_MINUTE = "10000";
  resetEnvCache();
  const passwordHash = await hashPassword("Right#Pass1");
  const tenant = await db.tenant.create({ data: { name: "T" } });
  await db.user.createMany({
    data: [
      { email: "admin@t.local", name: "Admin", passwordHash, role: "tenant_admin", tenantId: tenant.id },
      { email: "gone@t.local", name: "Gone", passwordHash, role: "tenant_admin", tenantId: tenant.id, status: "disabled" },
    ],
  });
  await db.lockoutAllowEntry.createMany({ data: [{ scope: tenant.id, cidr: "198.51.100.200/32" }, { scope: PLATFORM_SCOPE, cidr: "198.51.100.200/32" }] });
});

const lastEvent = () => db.loginEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

describe("signIn", () => {
  it("returns the session user and records a successful attempt", async () => {
    const r = await signIn({ email: " Admin@T.local ", password: "Right#Pass1" }, ctx);
    expect(r).toMatchObject({ ok: true, user: { email: "admin@t.local", role: "tenant_admin" } });
    const user = r.ok ? r.user : null;
    expect(user?.tenantId).toBeTruthy();
    expect(await lastEvent()).toMatchObject({
      email: "admin@t.local",
      userId: user!.id,
      accountKind: "user",
      tenantId: user!.tenantId,
      channel: "web",
      result: "success",
      ip: ctx.ip,
      userAgent: "vitest",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user!.id } });
    expect(row.lastLoginIp).toBe(ctx.ip);
  });

  it("refuses a wrong password and records it against the user", async () => {
    expect(await signIn({ email: "admin@t.local", password: "wrong" }, ctx)).toEqual({ ok: false, refusal: "bad_credentials" });
    const event = await lastEvent();
    expect(event).toMatchObject({ email: "admin@t.local", result: "bad_credentials", reason: "wrong password" });
    expect(event.userId).toBeTruthy();
  });

  it("refuses an unknown e-mail the same way and records the attempted address", async () => {
    expect(await signIn({ email: "nobody@t.local", password: "Right#Pass1" }, ctx)).toEqual({ ok: false, refusal: "bad_credentials" });
    expect(await lastEvent()).toMatchObject({ email: "nobody@t.local", userId: null, accountKind: null, result: "bad_credentials", reason: "unknown account" });
  });

  it("refuses a disabled account even with the right password", async () => {
    expect(await signIn({ email: "gone@t.local", password: "Right#Pass1" }, ctx)).toEqual({ ok: false, refusal: "disabled" });
    expect(await lastEvent()).toMatchObject({ email: "gone@t.local", result: "disabled", reason: "account disabled" });
  });

  it.each([
    [{ email: "not-an-email", password: "x" }, "not-an-email"],
    [{ email: "", password: "" }, "(empty)"],
    [{ email: "a@b.c", password: "x".repeat(201) }, "a@b.c"],
    [{ email: "admin@t.local", password: "Right#Pass1", totp: "9".repeat(65) }, "admin@t.local"],
    [{}, "(empty)"],
    [null, "(empty)"],
  ])("refuses malformed input %j and still records the attempt", async (input, recorded) => {
    expect(await signIn(input, ctx)).toEqual({ ok: false, refusal: "bad_credentials" });
    expect(await lastEvent()).toMatchObject({ email: recorded, result: "bad_credentials" });
  });

  // Not a speed test: it checks both failures do the same work (a full argon2id verify), so
  // response time does not reveal which e-mails have accounts. Medians, generous bounds.
  it("spends the same time on an unknown e-mail as on a wrong password", async () => {
    const time = async (email: string) => {
      const t0 = performance.now();
      await signIn({ email, password: "wrong" }, timingCtx);
      return performance.now() - t0;
    };
    await time("admin@t.local"); // warm the dummy hash
    await time("nobody@t.local");
    // Interleaved, so a burst of load on a shared machine slows both series alike.
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      knownTimes.push(await time("admin@t.local"));
      unknownTimes.push(await time("nobody@t.local"));
    }
    const median = (times: number[]) => times.sort((x, y) => x - y)[4]!;
    const known = median(knownTimes);
    const unknown = median(unknownTimes);
    expect(unknown / known).toBeGreaterThan(0.6);
    expect(unknown / known).toBeLessThan(1.6);
    expect(await db.accountLock.count()).toBe(0);
  });
});
