import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { PLATFORM_SCOPE } from "@/server/auth/policy/security-policy";
import { sealSecret } from "@/server/auth/totp/seal-secret";
import { newTotpSecret, totpCodeAt } from "@/server/auth/totp/totp-code";
import { signIn } from "@/server/auth/sign-in";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { mailSink } from "@/server/resellers/ops/reseller-test-fixtures";
import type { SmtpSink } from "@/server/test/smtp-sink";
import { authorizeAccount, authorizeMailbox } from "./authorize";
import { closeSignInRate } from "./sign-in-rate-limit";
import { gateAdmin, gateTenant, GATE_PASSWORD, testIp } from "./gate-test-fixtures";

// The sign-in gate rule by rule, through the portal's signIn (the mail channels: mail-gate.int.test.ts).

let sink: SmtpSink;
beforeAll(async () => {
  sink = await mailSink();
  process.env.SIGN_IN_RATE_PER_MINUTE = "10000";
  process.env.IP_LOCKOUT_THRESHOLD = "6";
  resetEnvCache();
});
afterAll(async () => {
  await closeSignInRate();
  await sink.close();
});

const at = (ip: string) => ({ ip, userAgent: "vitest" });
const events = (userId: string) => db.loginEvent.findMany({ where: { userId }, orderBy: { id: "asc" } });

describe("lockout of an account", () => {
  it("locks after the policy's N failures in its window; then even the right password is refused, unchecked", async () => {
    const { admin } = await gateTenant({ lockoutThreshold: 3, lockoutMinutes: 20 });
    const ip = testIp();
    for (let i = 0; i < 3; i++) expect(await signIn({ email: admin.email, password: "wrong" }, at(ip))).toEqual({ ok: false, refusal: "bad_credentials" });
    const lock = await db.accountLock.findFirstOrThrow({ where: { accountId: admin.id } });
    expect(lock).toMatchObject({ accountKind: "user", tenantId: admin.tenantId, failures: 3, unlockedAt: null });
    expect(lock.lockedUntil.getTime() - lock.lockedAt.getTime()).toBe(20 * 60_000);

    const r = await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()));
    expect(r).toEqual({ ok: false, refusal: "locked", lockedUntil: lock.lockedUntil });
    const last = (await events(admin.id)).at(-1)!;
    expect(last).toMatchObject({ result: "locked", channel: "web", accountKind: "user" });
    expect(last.reason).toBe(`account locked until ${lock.lockedUntil.toISOString()}`);
    // Refusals while locked are not failures: still one lock, no new one.
    expect(await db.accountLock.count({ where: { accountId: admin.id } })).toBe(1);
  });

  it("an admin's unlock lets the right password in and restarts counting from zero", async () => {
    const { admin } = await gateTenant({ lockoutThreshold: 3 });
    const ip = testIp();
    for (let i = 0; i < 3; i++) await signIn({ email: admin.email, password: "wrong" }, at(ip));
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip))).ok).toBe(false);
    await db.accountLock.updateMany({ where: { accountId: admin.id }, data: { unlockedAt: new Date() } });
    // Two more failures after the unlock do not lock (the three before it no longer count)...
    // (from other addresses each time: this file's per-address threshold is 6)
    const ip2 = testIp();
    for (let i = 0; i < 2; i++) expect(await signIn({ email: admin.email, password: "wrong" }, at(ip2))).toEqual({ ok: false, refusal: "bad_credentials" });
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip2))).toMatchObject({ ok: true });
    // ...and a success wipes the slate too: two more are still below three.
    const ip3 = testIp();
    for (let i = 0; i < 2; i++) await signIn({ email: admin.email, password: "wrong" }, at(ip3));
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip3))).toMatchObject({ ok: true });
    expect(await db.accountLock.count({ where: { accountId: admin.id } })).toBe(1);
  });

  it("never locks from an allow-listed address (the tenant's or the platform's), and logs its failures as exempt", async () => {
    const { tenant, admin } = await gateTenant({ lockoutThreshold: 3 });
    await db.lockoutAllowEntry.createMany({ data: [{ scope: tenant.id, cidr: "192.0.2.0/24" }, { scope: PLATFORM_SCOPE, cidr: "2001:db8:a11::/48" }] });
    for (const ip of ["192.0.2.44", "2001:db8:a11:1::9"]) {
      for (let i = 0; i < 5; i++) expect(await signIn({ email: admin.email, password: "wrong" }, at(ip))).toEqual({ ok: false, refusal: "bad_credentials" });
    }
    expect(await db.accountLock.count({ where: { accountId: admin.id } })).toBe(0);
    const logged = await events(admin.id);
    expect(logged).toHaveLength(10);
    expect(logged.every((e) => e.lockoutExempt && e.result === "bad_credentials")).toBe(true);
    // A lock from elsewhere does not keep an allow-listed office out.
    for (let i = 0; i < 3; i++) await signIn({ email: admin.email, password: "wrong" }, at(testIp()));
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).ok).toBe(false);
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at("192.0.2.45"))).ok).toBe(true);
  });

  it("counts wrong second-factor codes, but not a missing one", async () => {
    const { tenant } = await gateTenant({ lockoutThreshold: 3 });
    const secret = newTotpSecret();
    const admin = await gateAdmin(tenant.id, { totpSecret: sealSecret(secret), totpEnabledAt: new Date() });
    const ip = testIp();
    for (let i = 0; i < 4; i++) expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip))).toEqual({ ok: false, refusal: "second_factor_required" });
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD, totp: await totpCodeAt(secret, new Date()) }, at(ip))).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) expect(await signIn({ email: admin.email, password: GATE_PASSWORD, totp: "000000" }, at(ip))).toMatchObject({ ok: false });
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD, totp: await totpCodeAt(secret, new Date(Date.now() + 30_000)) }, at(ip))).toMatchObject({ ok: false, refusal: "locked" });
    const results = (await events(admin.id)).map((e) => e.result);
    expect(results.slice(0, 5)).toEqual(["second_factor_required", "second_factor_required", "second_factor_required", "second_factor_required", "success"]);
    expect(results.slice(5, 8).every((r) => r === "second_factor_failed")).toBe(true);
  });
});

describe("lockout of a source address", () => {
  it("locks an address after IP_LOCKOUT_THRESHOLD failures across accounts, for every account, known or not", async () => {
    const ip = testIp();
    const { admin } = await gateTenant();
    for (let i = 0; i < 6; i++) await signIn({ email: `spray-${i}@gate.test`, password: "wrong" }, at(ip));
    const lock = await db.accountLock.findFirstOrThrow({ where: { ip } });
    expect(lock).toMatchObject({ accountId: null, accountKind: null, failures: 6 });
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip))).toEqual({ ok: false, refusal: "locked", lockedUntil: lock.lockedUntil });
    expect((await events(admin.id)).at(-1)?.reason).toMatch(/^address locked until/);
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).ok).toBe(true);
    // The same client over a dual-stack socket is the same address.
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(`::ffff:${ip}`))).toMatchObject({ refusal: "locked" });
  });
});

describe("IP sign-in rules (web)", () => {
  it("the longest prefix decides, the default covers the rest; v4 and v6; mail rules do not apply", async () => {
    const { tenant, admin } = await gateTenant({ webDefault: "deny" });
    await db.ipRule.createMany({
      data: [
        { tenantId: tenant.id, channel: "web", action: "allow", cidr: "10.0.0.0/8" },
        { tenantId: tenant.id, channel: "web", action: "deny", cidr: "10.66.0.0/16" },
        { tenantId: tenant.id, channel: "web", action: "allow", cidr: "10.66.1.0/24" },
        { tenantId: tenant.id, channel: "web", action: "allow", cidr: "2001:db8::/32" },
        { tenantId: tenant.id, channel: "web", action: "deny", cidr: "2001:db8:100::/48" },
        { tenantId: tenant.id, channel: "mail", action: "allow", cidr: "172.16.0.0/12" },
      ],
    });
    const cases: [string, boolean][] = [
      ["10.1.2.3", true],
      ["10.66.2.3", false],
      ["10.66.1.7", true],
      ["2001:db8:100::1", false],
      ["2001:db8:101::1", true],
      ["172.16.5.5", false],
      ["203.0.113.1", false],
    ];
    for (const [ip, allowed] of cases) {
      const r = await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip));
      expect([ip, r.ok ? "in" : r.refusal]).toEqual([ip, allowed ? "in" : "ip_denied"]);
    }
    const denied = (await events(admin.id)).filter((e) => e.result === "ip_denied").map((e) => e.reason);
    expect(denied).toEqual(["deny rule 10.66.0.0/16 (web)", "deny rule 2001:db8:100::/48 (web)", "default deny (web)", "default deny (web)"]);
  });

  it("a denied network without the password learns nothing: it gets the generic refusal, counted", async () => {
    const { tenant, admin } = await gateTenant();
    await db.ipRule.create({ data: { tenantId: tenant.id, channel: "web", action: "deny", cidr: "198.51.100.0/24" } });
    expect(await signIn({ email: admin.email, password: "wrong" }, at("198.51.100.9"))).toEqual({ ok: false, refusal: "bad_credentials" });
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at("198.51.100.9"))).toEqual({ ok: false, refusal: "ip_denied" });
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at("198.51.101.9"))).ok).toBe(true);
  });
});

describe("argon2 parameters", () => {
  it("re-hashes a password made with other parameters at the next sign-in, and not again", async () => {
    const { admin } = await gateTenant();
    const before = admin.passwordHash;
    const saved = { m: process.env.ARGON2_MEMORY_KIB, t: process.env.ARGON2_TIME_COST };
    process.env.ARGON2_MEMORY_KIB = "8192";
    process.env.ARGON2_TIME_COST = "1";
    resetEnvCache();
    try {
      expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).ok).toBe(true);
      const after = (await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash;
      expect(after).not.toBe(before);
      expect(after).toMatch(/^\$argon2id\$v=19\$m=8192,t=1,p=1\$/);
      expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).ok).toBe(true);
      expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash).toBe(after);
    } finally {
      for (const [k, v] of [["ARGON2_MEMORY_KIB", saved.m], ["ARGON2_TIME_COST", saved.t]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    }
    // Back on the defaults, the next sign-in upgrades it again.
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("new networks", () => {
  it("flags a sign-in from a network the account never used (not the first one) and e-mails the account", async () => {
    const { admin } = await gateTenant();
    const first = await signIn({ email: admin.email, password: GATE_PASSWORD }, at("203.0.113.10"));
    expect(first).toMatchObject({ ok: true, newNetwork: false });
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at("203.0.113.99"))).toMatchObject({ ok: true, newNetwork: false });
    const before = sink.messages.length;
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at("2001:db8:77:1::5"))).toMatchObject({ ok: true, newNetwork: true });
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail!.to).toEqual([admin.email]);
    expect(mail!.subject).toContain("新网络登录提醒");
    expect(mail!.text).toContain("2001:db8:77:1::5");
    expect(mail!.text).toContain("2001:db8:77::/48");
    const success = (await events(admin.id)).filter((e) => e.result === "success");
    expect(success.map((e) => e.newNetwork)).toEqual([false, false, true]);
    expect(await db.knownNetwork.findMany({ where: { accountId: admin.id }, orderBy: { network: "asc" }, select: { network: true } })).toEqual([
      { network: "2001:db8:77::/48" },
      { network: "203.0.113.0/24" },
    ]);
  });

  it("a mail server that refuses the letter does not fail the sign-in", async () => {
    const { admin } = await gateTenant();
    await signIn({ email: admin.email, password: GATE_PASSWORD }, at("203.0.113.10"));
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvCache();
    try {
      expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at("192.0.2.200"))).toMatchObject({ ok: true, newNetwork: true });
    } finally {
      process.env.SMTP_URL = saved;
      resetEnvCache();
    }
  });
});

describe("rate limit per source address", () => {
  it("refuses sign-ins over SIGN_IN_RATE_PER_MINUTE from one address, logging each", async () => {
    const { admin } = await gateTenant();
    process.env.SIGN_IN_RATE_PER_MINUTE = "3";
    resetEnvCache();
    const ip = testIp();
    // One fixed instant: the attempts must fall in one 60-second window.
    const restoreClock = setClock(new Date());
    try {
      for (let i = 0; i < 3; i++) expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip))).ok).toBe(true);
      expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(ip))).toEqual({ ok: false, refusal: "rate_limited" });
      expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).ok).toBe(true);
    } finally {
      restoreClock();
      process.env.SIGN_IN_RATE_PER_MINUTE = "10000";
      resetEnvCache();
    }
    expect((await events(admin.id)).map((e) => e.result)).toEqual(["success", "success", "success", "rate_limited", "success"]);
  });
});

describe("next-auth's authorize", () => {
  it("returns the user, null for the generic refusals, and throws the form's codes", async () => {
    const { tenant, admin } = await gateTenant({ lockoutThreshold: 2 });
    const ip = testIp();
    expect(await authorizeAccount({ email: admin.email, password: GATE_PASSWORD }, at(ip))).toMatchObject({ id: admin.id });
    expect(await authorizeAccount({ email: admin.email, password: "wrong" }, at(ip))).toBeNull();
    await db.user.update({ where: { id: admin.id }, data: { status: "disabled" } });
    expect(await authorizeAccount({ email: admin.email, password: GATE_PASSWORD }, at(ip))).toBeNull();
    await db.user.update({ where: { id: admin.id }, data: { status: "active" } });
    await authorizeAccount({ email: admin.email, password: "wrong" }, at(ip));
    await expect(authorizeAccount({ email: admin.email, password: GATE_PASSWORD }, at(ip))).rejects.toThrow(/^locked:\d{4}-\d\d-\d\dT.*Z$/);
    const other = await gateAdmin(tenant.id, { totpSecret: sealSecret(newTotpSecret()), totpEnabledAt: new Date() });
    await expect(authorizeAccount({ email: other.email, password: GATE_PASSWORD }, at(testIp()))).rejects.toThrow(/^second_factor_required$/);
    await expect(authorizeAccount({ email: other.email, password: GATE_PASSWORD, totp: "000000" }, at(testIp()))).rejects.toThrow(/^second_factor_failed$/);
    await db.ipRule.create({ data: { tenantId: tenant.id, channel: "web", action: "deny", cidr: "192.0.2.99/32" } });
    await expect(authorizeAccount({ email: other.email, password: GATE_PASSWORD }, at("192.0.2.99"))).rejects.toThrow(/^ip_denied$/);
  });

  it("the mailbox provider: bad credentials are null", async () => {
    expect(await authorizeMailbox({ email: "nobody@gate.test", password: "x" }, at(testIp()))).toBeNull();
  });
});

describe("bad input", () => {
  it("refuses hashes it cannot read like a wrong password", async () => {
    const { admin } = await gateTenant();
    await db.user.update({ where: { id: admin.id }, data: { passwordHash: "not-a-hash" } });
    expect(await signIn({ email: admin.email, password: GATE_PASSWORD }, at(testIp()))).toEqual({ ok: false, refusal: "bad_credentials" });
    await db.user.update({ where: { id: admin.id }, data: { passwordHash: await hashPassword(GATE_PASSWORD) } });
  });

  it.each([null, "", "not an ip", "999.1.1.1"])("an unknown or unparsable client address %j signs in under the default and is logged as given", async (ip) => {
    const { admin } = await gateTenant();
    expect((await signIn({ email: admin.email, password: GATE_PASSWORD }, { ip, userAgent: null })).ok).toBe(true);
  });
});
