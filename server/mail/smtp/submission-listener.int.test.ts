import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { clearMailLoginCache } from "../auth/verify-mail-login";
import { createAlias, createMailbox, createMailTenant, MAIL_PASSWORD, uniqueLocalPart, type MailTenant } from "../mail-test-fixtures";
import { expectCode, message, openSession, rawSmtp, startTestEngine } from "./smtp-test-helpers";

// Submission (587 STARTTLS, 465 implicit TLS): AUTH only over TLS, PLAIN and LOGIN, the 535
// variants, bad base64, the sender rule — with a raw client, nodemailer and smtplib (swaks:
// mx-listener.int.test.ts; Debian's swaks here lacks Net::SSLeay, so no TLS).

const execFileP = promisify(execFile);
const b64 = (s: string) => Buffer.from(s).toString("base64");

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let t: MailTenant;
let alice: { id: string; address: string; tenantId: string; domainId: string };
let bob: { id: string; address: string };

beforeAll(async () => {
  engine = await startTestEngine();
  t = await createMailTenant();
  alice = await createMailbox(t);
  bob = await createMailbox(t);
});
afterAll(async () => engine?.cleanup());

const storedFor = (mailboxId: string, messageId: string) => db.storedMessage.count({ where: { mailboxId, messageId } });

describe("AUTH only over TLS", () => {
  it("refuses AUTH before STARTTLS on 587 and MAIL without AUTH", async () => {
    const c = await openSession(engine.ports.submission);
    expect(await c.cmd(`AUTH PLAIN ${b64(`\0${alice.address}\0${MAIL_PASSWORD}`)}`)).toMatch(/^538 .*STARTTLS/);
    expect(await c.cmd(`MAIL FROM:<${alice.address}>`)).toMatch(/^530 5\.7\.0 /);
    c.destroy();
  });

  it("accepts AUTH PLAIN after STARTTLS on 587 and on 465", async () => {
    (await openSession(engine.ports.submission, { user: alice.address, pass: MAIL_PASSWORD })).destroy();
    (await openSession(engine.ports.submissions, { user: alice.address, pass: MAIL_PASSWORD, implicitTls: true })).destroy();
  });

  it("accepts AUTH LOGIN in two steps and inline", async () => {
    const c = await rawSmtp(engine.ports.submissions, { implicitTls: true });
    await expectCode(c.reply(), 220);
    expect(await c.cmd("EHLO client.test")).toMatch(/AUTH PLAIN LOGIN/);
    expect(await c.cmd("AUTH LOGIN")).toBe("334 VXNlcm5hbWU6");
    expect(await c.cmd(b64(alice.address))).toBe("334 UGFzc3dvcmQ6");
    await expectCode(c.cmd(b64(MAIL_PASSWORD)), 235);
    c.destroy();
    const d = await rawSmtp(engine.ports.submissions, { implicitTls: true });
    await expectCode(d.reply(), 220);
    await expectCode(d.cmd("EHLO client.test"), 250);
    expect(await d.cmd(`AUTH LOGIN ${b64(alice.address)}`)).toBe("334 UGFzc3dvcmQ6");
    await expectCode(d.cmd(b64(MAIL_PASSWORD)), 235);
    d.destroy();
  });
});

describe("AUTH failures", () => {
  async function authReply(user: string, pass: string) {
    const c = await rawSmtp(engine.ports.submissions, { implicitTls: true });
    await expectCode(c.reply(), 220);
    await expectCode(c.cmd("EHLO client.test"), 250);
    const r = await c.cmd(`AUTH PLAIN ${b64(`\0${user}\0${pass}`)}`);
    c.destroy();
    return r;
  }

  it("535 5.7.8 for a wrong password and an unknown address", async () => {
    expect(await authReply(alice.address, "wrong")).toBe("535 5.7.8 Authentication credentials invalid");
    expect(await authReply(`nobody@${t.domain.name}`, MAIL_PASSWORD)).toBe("535 5.7.8 Authentication credentials invalid");
  });

  it("535 5.7.8 with a clear text for a disabled mailbox and a forced password change", async () => {
    const disabled = await createMailbox(t, { status: "disabled" });
    expect(await authReply(disabled.address, MAIL_PASSWORD)).toMatch(/^535 5\.7\.8 .*disabled/);
    const fresh = await createMailbox(t, { mustChangePassword: true });
    expect(await authReply(fresh.address, MAIL_PASSWORD)).toMatch(/^535 5\.7\.8 .*change your password.*portal/);
  });

  it("501 for bad base64 and a malformed PLAIN token, and the session goes on", async () => {
    const c = await rawSmtp(engine.ports.submissions, { implicitTls: true });
    await expectCode(c.reply(), 220);
    await expectCode(c.cmd("EHLO client.test"), 250);
    expect(await c.cmd("AUTH PLAIN !!!not-base64!!!")).toMatch(/^501 /);
    expect(await c.cmd(`AUTH PLAIN ${b64("no-nul-separators")}`)).toMatch(/^501 /);
    expect(await c.cmd("AUTH LOGIN")).toMatch(/^334 /);
    expect(await c.cmd("@@@@")).toMatch(/^501 /);
    expect(await c.cmd("AUTH PLAIN")).toMatch(/^334/);
    expect(await c.cmd("*")).toMatch(/^501 /);
    expect(await c.cmd("AUTH CRAM-MD5")).toMatch(/^504 /);
    await expectCode(c.cmd(`AUTH PLAIN ${b64(`\0${alice.address}\0${MAIL_PASSWORD}`)}`), 235);
    c.destroy();
  });
});

describe("sending", () => {
  it("refuses a sender the account does not own (553 5.7.1) and accepts its alias", async () => {
    const alias = await createAlias(alice, `al-${uniqueLocalPart("a")}@${t.domain.name}`);
    const c = await openSession(engine.ports.submissions, { user: alice.address, pass: MAIL_PASSWORD, implicitTls: true });
    expect(await c.cmd(`MAIL FROM:<${bob.address}>`)).toMatch(/^553 5\.7\.1 /);
    await expectCode(c.cmd(`MAIL FROM:<${alias.address}>`), 250);
    await expectCode(c.cmd(`RCPT TO:<${bob.address}>`), 250);
    await expectCode(c.cmd("DATA"), 354);
    const r = await c.cmd(`${message({ from: alias.address, to: bob.address })}.`);
    expect(r).toMatch(/^250 2\.0\.0 Ok: queued as /);
    expect(await storedFor(bob.id, r.split(" ").pop()!)).toBe(1);
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: r.split(" ").pop()! } });
    expect(row).toMatchObject({ listener: "submission", authMailboxId: alice.id });
    c.destroy();
  });

  it("nodemailer sends through 587 (STARTTLS + AUTH) to a local mailbox", async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: engine.ports.submission,
      secure: false,
      requireTLS: true,
      auth: { user: alice.address, pass: MAIL_PASSWORD },
      tls: { rejectUnauthorized: false },
    });
    const info = await transport.sendMail({ from: alice.address, to: bob.address, subject: "会议通知 nodemailer", text: "你好" });
    transport.close();
    const id = /queued as ([0-9A-Z]{26})/.exec(info.response)?.[1];
    expect(id, info.response).toBeTruthy();
    expect(await storedFor(bob.id, id!)).toBe(1);
    expect((await db.mailMessage.findUniqueOrThrow({ where: { id } })).subject).toBe("会议通知 nodemailer");
  });

  it("python smtplib sends through 587 with starttls and login", async () => {
    const script = [
      "import smtplib, ssl, sys",
      "ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE",
      "s = smtplib.SMTP('127.0.0.1', int(sys.argv[1])); s.starttls(context=ctx); s.login(sys.argv[2], sys.argv[3])",
      "r = s.sendmail(sys.argv[2], [sys.argv[4]], 'Subject: via smtplib\\r\\n\\r\\nhello\\r\\n')",
      "code, text = s.docmd('NOOP'); s.quit(); print('ok', r)",
    ].join("\n");
    const { stdout } = await execFileP("python3", ["-c", script, String(engine.ports.submission), alice.address, MAIL_PASSWORD, bob.address]);
    expect(stdout).toMatch(/^ok \{\}/);
    expect(await db.mailMessage.count({ where: { subject: "via smtplib" } })).toBe(1);
  });

  it("counts the day's letters: over the plan's limit RCPT gets 550 5.7.1 with the limit", async () => {
    const small = await createMailTenant({ dailySendLimit: 2 });
    const sender = await createMailbox(small);
    const to = await createMailbox(small);
    clearMailLoginCache();
    const c = await openSession(engine.ports.submissions, { user: sender.address, pass: MAIL_PASSWORD, implicitTls: true });
    await expectCode(c.cmd(`MAIL FROM:<${sender.address}>`), 250);
    await expectCode(c.cmd(`RCPT TO:<${to.address}>`), 250);
    await expectCode(c.cmd(`RCPT TO:<${sender.address}>`), 250);
    expect(await c.cmd(`RCPT TO:<${bob.address}>`)).toMatch(/^550 5\.7\.1 .*2/);
    await expectCode(c.cmd("DATA"), 354);
    await expectCode(c.cmd(`${message({ from: sender.address, to: to.address })}.`), 250);
    expect(await c.cmd(`MAIL FROM:<${sender.address}>`)).toMatch(/^550 5\.7\.1 Daily sending limit of 2/);
    c.destroy();
  });

  it("answers 451 4.3.0 when the store cannot take the message, and gives the day's letters back", async () => {
    const broken = await mkdtemp(path.join(os.tmpdir(), "mailstead-broken-"));
    await writeFile(path.join(broken, "store"), "a file where the store directory should be");
    const dataDir = process.env.DATA_DIR;
    const c = await openSession(engine.ports.submissions, { user: alice.address, pass: MAIL_PASSWORD, implicitTls: true });
    const sent = async () => Number((await db.sendCount.findFirst({ where: { mailboxId: alice.id } }))?.count ?? 0);
    const before = await sent();
    try {
      await expectCode(c.cmd(`MAIL FROM:<${alice.address}>`), 250);
      await expectCode(c.cmd(`RCPT TO:<${bob.address}>`), 250);
      await expectCode(c.cmd("DATA"), 354);
      process.env.DATA_DIR = broken;
      resetEnvCache();
      expect(await c.cmd(`${message({ from: alice.address, to: bob.address, subject: "store broken" })}.`)).toBe("451 4.3.0 Local error in processing; try again later");
    } finally {
      process.env.DATA_DIR = dataDir;
      resetEnvCache();
      await rm(broken, { recursive: true, force: true });
    }
    expect(await sent()).toBe(before);
    expect(await db.mailMessage.count({ where: { subject: "store broken" } })).toBe(0);
    // The session goes on, and the next message is stored.
    await expectCode(c.cmd(`MAIL FROM:<${alice.address}>`), 250);
    await expectCode(c.cmd(`RCPT TO:<${bob.address}>`), 250);
    await expectCode(c.cmd("DATA"), 354);
    await expectCode(c.cmd(`${message({ from: alice.address, to: bob.address })}.`), 250);
    expect(await sent()).toBe(before + 1);
    c.destroy();
  });
});
