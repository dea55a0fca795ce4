import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLATFORM_SCOPE } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { RawPop3 } from "../pop3/pop3-test-helpers";
import { createMailbox, createMailTenant, MAIL_PASSWORD, type MailTenant } from "../mail-test-fixtures";
import { expectCode, rawSmtp, startTestEngine } from "../smtp/smtp-test-helpers";
import { clearMailLoginCache } from "./verify-mail-login";

// The sign-in gate over the engine's real listeners: submission AUTH (465, implicit TLS) and
// POP3S, real sockets from 127.0.0.1. Both protocols count towards one lockout and obey it, and
// the tenant's mail IP rules refuse logins from a denied network.

const b64 = (s: string) => Buffer.from(s).toString("base64");
let engine: Awaited<ReturnType<typeof startTestEngine>>;

beforeAll(async () => {
  // Every connection here comes from 127.0.0.1: keep the per-address lock out of the way.
  process.env.IP_LOCKOUT_THRESHOLD = "100000";
  resetEnvCache();
  engine = await startTestEngine();
});
afterAll(async () => engine?.cleanup());

async function tenant(policy: { lockoutThreshold?: number } = {}): Promise<MailTenant> {
  const t = await createMailTenant();
  await db.securityPolicy.create({ data: { scope: t.tenant.id, lockoutThreshold: 3, ...policy } });
  return t;
}

async function smtpAuth(user: string, pass: string): Promise<string> {
  const c = await rawSmtp(engine.ports.submissions, { implicitTls: true });
  await expectCode(c.reply(), 220);
  await expectCode(c.cmd("EHLO client.test"), 250);
  const r = await c.cmd(`AUTH PLAIN ${b64(`\0${user}\0${pass}`)}`);
  c.destroy();
  return r;
}

async function pop3Login(user: string, pass: string): Promise<string | null> {
  const c = await RawPop3.connect(engine.ports.pop3s, true);
  expect(await c.line()).toMatch(/^\+OK /);
  const r = await c.login(user, pass);
  c.destroy();
  return r;
}

const BAD = "535 5.7.8 Authentication credentials invalid";
const LOCKED_SMTP = /^454 4\.7\.0 Authentication refused: this account is temporarily locked after repeated failed logins until \d{4}-\d\d-\d\dT[\d:.]+Z \(UTC\); try again later or ask your administrator$/;
const LOCKED_POP3 = "-ERR [AUTH] this account is temporarily locked after repeated failed logins; try again later or ask your administrator";
const events = (userId: string) => db.loginEvent.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { result: true, channel: true, lockoutExempt: true, reason: true } });

describe("lockout over SMTP AUTH and POP3", () => {
  it("locks after N bad AUTHs; then the right password is refused on both protocols", async () => {
    const t = await tenant();
    const box = await createMailbox(t);
    for (let i = 0; i < 3; i++) expect(await smtpAuth(box.address, "wrong")).toBe(BAD);
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(LOCKED_SMTP);
    expect(await pop3Login(box.address, MAIL_PASSWORD)).toBe(LOCKED_POP3);
    expect((await events(box.id)).map((e) => `${e.channel}:${e.result}`)).toEqual([
      "smtp:bad_credentials",
      "smtp:bad_credentials",
      "smtp:bad_credentials",
      "smtp:locked",
      "pop3:locked",
    ]);
    expect(await db.accountLock.count({ where: { accountKind: "mailbox", accountId: box.id, unlockedAt: null } })).toBe(1);
  });

  it("counts POP3 failures too, and an admin's unlock lets the mailbox back in", async () => {
    const t = await tenant();
    const box = await createMailbox(t);
    for (let i = 0; i < 3; i++) expect(await pop3Login(box.address, "wrong")).toBe("-ERR [AUTH] invalid user name or password");
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(LOCKED_SMTP);
    await db.accountLock.updateMany({ where: { accountId: box.id }, data: { unlockedAt: new Date() } });
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(/^235 /);
    expect(await pop3Login(box.address, MAIL_PASSWORD)).toMatch(/^\+OK /);
  });

  it("a remembered (cached) login does not get a locked account in", async () => {
    const t = await tenant();
    const box = await createMailbox(t);
    clearMailLoginCache();
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(/^235 /);
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(/^235 /); // from the cache
    const now = new Date();
    await db.accountLock.create({ data: { accountKind: "mailbox", accountId: box.id, tenantId: t.tenant.id, failures: 3, lockedAt: now, lockedUntil: new Date(now.getTime() + 600_000) } });
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(LOCKED_SMTP);
    expect(await pop3Login(box.address, MAIL_PASSWORD)).toBe(LOCKED_POP3);
    // The cached success was not logged again; the refusals were.
    expect((await events(box.id)).map((e) => e.result)).toEqual(["success", "locked", "locked"]);
  });

  it("never locks a mailbox from an allow-listed address, and logs its failures as exempt", async () => {
    const t = await tenant();
    const box = await createMailbox(t);
    await db.lockoutAllowEntry.create({ data: { scope: t.tenant.id, cidr: "127.0.0.0/8" } });
    for (let i = 0; i < 6; i++) expect(await smtpAuth(box.address, "wrong")).toBe(BAD);
    expect(await pop3Login(box.address, "wrong")).toBe("-ERR [AUTH] invalid user name or password");
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(/^235 /);
    expect(await db.accountLock.count({ where: { accountId: box.id } })).toBe(0);
    const failures = (await events(box.id)).filter((e) => e.result === "bad_credentials");
    expect(failures).toHaveLength(7);
    expect(failures.every((e) => e.lockoutExempt)).toBe(true);
  });
});

describe("IP sign-in rules for mail clients", () => {
  it("a deny rule for the mail channel refuses AUTH and POP3 USER/PASS, and only with the right password says why", async () => {
    const t = await tenant();
    const box = await createMailbox(t);
    await db.ipRule.create({ data: { tenantId: t.tenant.id, channel: "mail", action: "deny", cidr: "127.0.0.0/8" } });
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toBe("535 5.7.1 Authentication refused: your organisation does not allow mail client logins from this network");
    expect(await pop3Login(box.address, MAIL_PASSWORD)).toBe("-ERR [AUTH] your organisation does not allow mail client logins from this network");
    expect(await smtpAuth(box.address, "wrong")).toBe(BAD);
    expect((await events(box.id)).map((e) => `${e.channel}:${e.result}:${e.reason}`)).toEqual([
      "smtp:ip_denied:deny rule 127.0.0.0/8 (mail)",
      "pop3:ip_denied:deny rule 127.0.0.0/8 (mail)",
      "smtp:bad_credentials:wrong password",
    ]);
  });

  it("the mail default 'deny' with an allowed range; web rules do not apply to mail clients", async () => {
    const t = await tenant();
    await db.securityPolicy.update({ where: { scope: t.tenant.id }, data: { mailDefault: "deny" } });
    const box = await createMailbox(t);
    await db.ipRule.create({ data: { tenantId: t.tenant.id, channel: "web", action: "allow", cidr: "127.0.0.1/32" } });
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(/^535 5\.7\.1 /);
    await db.ipRule.create({ data: { tenantId: t.tenant.id, channel: "mail", action: "allow", cidr: "127.0.0.1/32" } });
    expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(/^235 /);
    await db.ipRule.create({ data: { tenantId: t.tenant.id, channel: "web", action: "deny", cidr: "127.0.0.0/8" } });
    expect(await pop3Login(box.address, MAIL_PASSWORD)).toMatch(/^\+OK /);
  });

  it("platform allow-list entries exempt mailboxes of every tenant", async () => {
    const t = await tenant();
    const box = await createMailbox(t);
    const entry = await db.lockoutAllowEntry.create({ data: { scope: PLATFORM_SCOPE, cidr: "127.0.0.1/32" } });
    try {
      for (let i = 0; i < 4; i++) expect(await smtpAuth(box.address, "wrong")).toBe(BAD);
      expect(await smtpAuth(box.address, MAIL_PASSWORD)).toMatch(/^235 /);
    } finally {
      await db.lockoutAllowEntry.delete({ where: { id: entry.id } });
    }
  });
});
