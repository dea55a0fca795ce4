import { afterAll, describe, expect, it, vi } from "vitest";
import { signIn } from "@/server/auth/sign-in";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { closeSignInRate } from "./sign-in-rate-limit";
import { gateTenant, GATE_PASSWORD, testIp } from "./gate-test-fixtures";

// Races of the sign-in gate that timing alone cannot reproduce reliably: the password verify is
// wrapped so a test can act while a sign-in sits inside it (as concurrent guesses do for real).

const duringVerify = vi.hoisted(() => ({ hook: null as null | (() => Promise<void>) }));
vi.mock("@/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/auth/password")>();
  return {
    ...real,
    verifyPassword: async (stored: string, plain: string) => {
      const hook = duringVerify.hook;
      duringVerify.hook = null;
      await hook?.();
      return real.verifyPassword(stored, plain);
    },
  };
});

afterAll(async () => {
  await closeSignInRate();
});

const at = (ip: string) => ({ ip, userAgent: "vitest" });

describe("a lock written while a right password is being verified", () => {
  it("refuses the sign-in as locked (concurrent guesses locked the account meanwhile)", async () => {
    const { admin } = await gateTenant({ lockoutThreshold: 3 });
    const now = new Date();
    duringVerify.hook = async () => {
      await db.accountLock.create({
        data: { accountKind: "user", accountId: admin.id, tenantId: admin.tenantId, failures: 3, lockedAt: now, lockedUntil: new Date(now.getTime() + 30 * 60_000) },
      });
    };
    const outcome = await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()));
    expect(outcome).toMatchObject({ ok: false, refusal: "locked" });
    const rows = await db.loginEvent.findMany({ where: { userId: admin.id } });
    expect(rows.map((r) => r.result)).toEqual(["locked"]);
    expect(rows[0]!.reason).toMatch(/^account locked until /);
  });

  it("refuses it too when the source address was locked meanwhile", async () => {
    const { admin } = await gateTenant();
    const ip = testIp();
    const now = new Date();
    duringVerify.hook = async () => {
      await db.accountLock.create({ data: { ip, failures: 50, lockedAt: now, lockedUntil: new Date(now.getTime() + 30 * 60_000) } });
    };
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip))).toMatchObject({ ok: false, refusal: "locked" });
  });

  it("lets the right password in when nothing was locked meanwhile (one row, a success)", async () => {
    const { admin } = await gateTenant();
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).toMatchObject({ ok: true });
    expect((await db.loginEvent.findMany({ where: { userId: admin.id } })).map((r) => r.result)).toEqual(["success"]);
  });
});

describe("the portal rate limit over IPv6", () => {
  it("counts a /64 as one client: rotating the interface id does not reset the budget", async () => {
    process.env.SIGN_IN_RATE_PER_MINUTE = "3";
    resetEnvCache();
    const restore = setClock(new Date()); // one window for the whole run
    try {
      const { admin } = await gateTenant({ lockoutThreshold: 50 });
      const results = [];
      for (let i = 1; i <= 5; i++) results.push(await signIn({ email: admin.email, password: "wrong" }, at(`2001:db8:64:1::${i.toString(16)}`)));
      expect(results.map((r) => (r.ok ? "ok" : r.refusal))).toEqual(["bad_credentials", "bad_credentials", "bad_credentials", "rate_limited", "rate_limited"]);
      // The next /64 has a budget of its own.
      expect(await signIn({ email: admin.email, password: "wrong" }, at("2001:db8:64:2::1"))).toMatchObject({ refusal: "bad_credentials" });
    } finally {
      restore();
      delete process.env.SIGN_IN_RATE_PER_MINUTE;
      resetEnvCache();
    }
  });
});
