import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/server/auth/sign-in";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env, resetEnvCache } from "@/server/shared/env";
import { closeSignInRate } from "./sign-in-rate-limit";
import { gateTenant, GATE_PASSWORD } from "./gate-test-fixtures";

// Issue 11, "Bad input": 1,000 wrong passwords against one account from one address and from
// 1,000 addresses. The lockout engages per policy, an allow-listed address is never locked,
// nothing crashes, and every attempt is logged exactly once. argon2 at its cheapest (the cost
// is not what is tested), attempts 8 at a time like a scripted attacker's connections.

const ATTEMPTS = 1000;
const CONCURRENCY = 8;

beforeAll(() => {
  process.env.ARGON2_MEMORY_KIB = "8192";
  process.env.ARGON2_TIME_COST = "1";
  resetEnvCache();
});
afterAll(async () => {
  await closeSignInRate();
});

async function run(n: number, attempt: (i: number) => Promise<unknown>): Promise<unknown[]> {
  const results: unknown[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await attempt(i);
      }
    }),
  );
  return results;
}

const tally = (results: unknown[]) =>
  results.reduce<Record<string, number>>((acc, r) => {
    const key = (r as { ok: boolean; refusal?: string }).ok ? "ok" : (r as { refusal: string }).refusal;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

const eventsOf = (userId: string) => db.loginEvent.groupBy({ by: ["result"], where: { userId }, _count: true });
const asCounts = (rows: { result: string; _count: number }[]) => Object.fromEntries(rows.map((r) => [r.result, r._count]));

describe("1,000 wrong passwords", () => {
  it("from one address: the rate limit and the account lock engage, one lock, 1,000 log rows", { timeout: 120_000 }, async () => {
    const { admin } = await gateTenant({ lockoutThreshold: 5 });
    const restore = setClock(new Date()); // one rate-limit window for the whole run
    try {
      const results = await run(ATTEMPTS, () => signIn({ email: admin.email, password: "wrong" }, { ip: "203.0.113.66", userAgent: "hydra" }));
      const t = tally(results);
      const limit = env().SIGN_IN_RATE_PER_MINUTE;
      expect(t.rate_limited).toBe(ATTEMPTS - limit);
      // Attempts in flight when the fifth failure locked can still fail on their password.
      expect(t.bad_credentials).toBeGreaterThanOrEqual(5);
      expect(t.bad_credentials).toBeLessThanOrEqual(5 + CONCURRENCY);
      expect(t.bad_credentials! + t.locked!).toBe(limit);
      expect(await db.loginEvent.count({ where: { userId: admin.id } })).toBe(ATTEMPTS);
      expect(asCounts(await eventsOf(admin.id))).toEqual(t);
      expect(await db.accountLock.count({ where: { accountId: admin.id } })).toBe(1);
      expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, { ip: "192.0.2.1", userAgent: null })).ok).toBe(false);
    } finally {
      restore();
    }
  });

  it("from 1,000 addresses: the account lock engages after the policy's 5 and holds; no address is locked", { timeout: 120_000 }, async () => {
    const { admin } = await gateTenant({ lockoutThreshold: 5 });
    const ipOf = (i: number) => `2001:db8:${(i >> 8).toString(16)}:${(i & 0xff).toString(16)}::1`;
    const results = await run(ATTEMPTS, (i) => signIn({ email: admin.email, password: "wrong" }, { ip: ipOf(i), userAgent: "botnet" }));
    const t = tally(results);
    expect(t.bad_credentials).toBeGreaterThanOrEqual(5);
    expect(t.bad_credentials).toBeLessThanOrEqual(5 + CONCURRENCY);
    expect(t.bad_credentials! + t.locked!).toBe(ATTEMPTS);
    expect(await db.loginEvent.count({ where: { userId: admin.id } })).toBe(ATTEMPTS);
    expect(asCounts(await eventsOf(admin.id))).toEqual(t);
    expect(await db.accountLock.count({ where: { accountId: admin.id } })).toBe(1);
    expect(await db.accountLock.count({ where: { ip: { startsWith: "2001:db8:" } } })).toBe(0);
  });

  it("from an allow-listed address: never locked, every failure logged as exempt, then the owner signs in", { timeout: 120_000 }, async () => {
    const { tenant, admin } = await gateTenant({ lockoutThreshold: 5 });
    await db.lockoutAllowEntry.create({ data: { scope: tenant.id, cidr: "198.51.100.0/24" } });
    const results = await run(ATTEMPTS, () => signIn({ email: admin.email, password: "wrong" }, { ip: "198.51.100.10", userAgent: "office" }));
    expect(tally(results)).toEqual({ bad_credentials: ATTEMPTS });
    expect(await db.loginEvent.count({ where: { userId: admin.id, result: "bad_credentials", lockoutExempt: true } })).toBe(ATTEMPTS);
    expect(await db.accountLock.count({ where: { OR: [{ accountId: admin.id }, { ip: "198.51.100.10" }] } })).toBe(0);
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, { ip: "198.51.100.10", userAgent: "office" })).ok).toBe(true);
  });
});
