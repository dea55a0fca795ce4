import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { createAlias, createMailbox, createMailTenant, uniqueLocalPart, type MailTenant } from "../mail-test-fixtures";
import { registerSmtpHook } from "../hooks/smtp-hooks";
import { storeRoot } from "../paths";
import { refusal } from "../smtp-refusal";
import { expectCode, message, openSession, startTestEngine } from "./smtp-test-helpers";

// The MX listener end to end with a raw client: acceptance into the store, and each reply code
// the SMTP layer owns (the accept/ rules have their own tests).

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let t: MailTenant;
let box: { id: string; address: string; tenantId: string; domainId: string };

beforeAll(async () => {
  engine = await startTestEngine();
  t = await createMailTenant({ attachmentLimitMb: 1 });
  box = await createMailbox(t);
});
afterAll(async () => engine?.cleanup());

async function send(rcpt: string, data: string) {
  const c = await openSession(engine.ports.mx);
  await expectCode(c.cmd("MAIL FROM:<sender@outside.test>"), 250);
  await expectCode(c.cmd(`RCPT TO:<${rcpt}>`), 250);
  await expectCode(c.cmd("DATA"), 354);
  const reply = await c.cmd(`${data}.`);
  await c.cmd("QUIT");
  return reply;
}

describe("MX listener", () => {
  it("greets with the host name, offers no AUTH, advertises SIZE and STARTTLS", async () => {
    const c = await openSession(engine.ports.mx);
    const ehlo = await c.cmd("EHLO again.test");
    expect(ehlo).not.toMatch(/AUTH/);
    expect(ehlo).toMatch(/250[- ]SIZE 104857600/);
    expect(ehlo).toMatch(/STARTTLS/);
    expect(ehlo).toMatch(/8BITMIME/);
    expect(ehlo).not.toMatch(/SMTPUTF8/);
    expect(await c.cmd("AUTH PLAIN AGFAYg==")).toMatch(/^5\d\d /);
    c.destroy();
  });

  it("stores an accepted message durably with our Received header first and answers with its ULID", async () => {
    const reply = await send(box.address, message({ from: "sender@outside.test", to: box.address, subject: "=?UTF-8?B?5rWL6K+V6YKu5Lu2?=" }));
    const id = /^250 2\.0\.0 Ok: queued as ([0-9A-Z]{26})$/.exec(reply)?.[1];
    expect(id, reply).toBeTruthy();
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id }, include: { stored: true } });
    expect(row).toMatchObject({ listener: "mx", mailFrom: "sender@outside.test", subject: "测试邮件", helo: "client.test" });
    expect(row.stored.map((s) => s.mailboxId)).toEqual([box.id]);
    const bytes = await readFile(path.join(storeRoot(), row.stored[0]!.path), "latin1");
    expect(bytes).toMatch(new RegExp(`^Received: from client\\.test \\(\\[127\\.0\\.0\\.1\\]\\)\\r\\n\\tby \\S+ \\(Mailstead\\) with ESMTP id ${id}\\r\\n\\tfor <${box.address}>;`));
    expect(bytes).not.toMatch(/[^\r]\n/);
  });

  it("accepts a message from Debian's swaks", async () => {
    const { stdout } = await promisify(execFile)("swaks", ["--server", `127.0.0.1:${engine.ports.mx}`, "--from", "swaks@outside.test", "--to", box.address, "--header", "Subject: via swaks"]);
    const id = /queued as ([0-9A-Z]{26})/.exec(stdout)?.[1];
    expect(id, stdout).toBeTruthy();
    expect(await db.storedMessage.count({ where: { messageId: id, mailboxId: box.id } })).toBe(1);
  });

  it("refuses unknown users (550 5.1.1) and relaying (550 5.7.1)", async () => {
    const c = await openSession(engine.ports.mx);
    await expectCode(c.cmd("MAIL FROM:<sender@outside.test>"), 250);
    expect(await c.cmd(`RCPT TO:<nobody-${uniqueLocalPart("x")}@${t.domain.name}>`)).toMatch(/^550 5\.1\.1 /);
    expect(await c.cmd("RCPT TO:<someone@elsewhere.test>")).toMatch(/^550 5\.7\.1 /);
    expect(await c.cmd("DATA")).toMatch(/^503 /);
    // Bounces (the null sender) must get through on MX (RFC 5321 §4.5.5).
    await expectCode(c.cmd("RSET"), 250);
    await expectCode(c.cmd("MAIL FROM:<>"), 250);
    await expectCode(c.cmd(`RCPT TO:<${box.address}>`), 250);
    c.destroy();
  });

  it("answers 452 4.5.3 past SMTP_MAX_RECIPIENTS (100)", async () => {
    const aliases: string[] = [];
    for (let i = 0; i < 100; i++) aliases.push((await createAlias(box, `a${i}-${uniqueLocalPart("r")}@${t.domain.name}`)).address);
    const c = await openSession(engine.ports.mx);
    await expectCode(c.cmd("MAIL FROM:<sender@outside.test>"), 250);
    c.write(aliases.map((a) => `RCPT TO:<${a}>\r\n`).join(""));
    for (let i = 0; i < 100; i++) await expectCode(c.reply(), 250);
    expect(await c.cmd(`RCPT TO:<${box.address}>`)).toMatch(/^452 4\.5\.3 /);
    // A repeated recipient is not one more.
    expect(await c.cmd(`RCPT TO:<${aliases[0]}>`)).toMatch(/^250 /);
    c.destroy();
  });

  it("refuses a message over the recipient's plan size with 552 5.3.4 and stores nothing", async () => {
    const before = await db.mailMessage.count();
    const big = message({ from: "sender@outside.test", to: box.address, body: `${"x".repeat(998)}\r\n`.repeat(2600) });
    expect(await send(box.address, big)).toMatch(/^552 5\.3\.4 .*<.+>/);
    expect(await db.mailMessage.count()).toBe(before);
  });

  it("refuses a declared SIZE over the server limit", async () => {
    const c = await openSession(engine.ports.mx);
    expect(await c.cmd("MAIL FROM:<sender@outside.test> SIZE=209715200")).toMatch(/^552 /);
    c.destroy();
  });

  it("passes a registered hook's refusal to the client with its code", async () => {
    const remove = registerSmtpHook("rcptTo", (ctx) => (ctx.recipient.rcpt === box.address ? refusal(450, "4.7.1", "Greylisted, try again later") : null));
    const removeData = registerSmtpHook("data", () => ({ refusal: refusal(554, "5.7.1", "Virus found: Eicar-Test") }));
    try {
      const c = await openSession(engine.ports.mx);
      await expectCode(c.cmd("MAIL FROM:<sender@outside.test>"), 250);
      expect(await c.cmd(`RCPT TO:<${box.address}>`)).toBe("450 4.7.1 Greylisted, try again later");
      remove();
      await expectCode(c.cmd(`RCPT TO:<${box.address}>`), 250);
      await expectCode(c.cmd("DATA"), 354);
      expect(await c.cmd(`${message({ from: "sender@outside.test", to: box.address })}.`)).toBe("554 5.7.1 Virus found: Eicar-Test");
      c.destroy();
    } finally {
      remove();
      removeData();
    }
  });

  it("adds a data hook's headers below the Received header", async () => {
    const remove = registerSmtpHook("data", () => ({ headers: ["X-Spam-Status: No, score=0.1"] }));
    try {
      const reply = await send(box.address, message({ from: "sender@outside.test", to: box.address }));
      const id = reply.split(" ").pop()!;
      const row = await db.storedMessage.findFirstOrThrow({ where: { messageId: id } });
      const bytes = await readFile(path.join(storeRoot(), row.path), "latin1");
      // Hooks add in registration order: the engine's filters (MAIL_FILTERS=on) put theirs first.
      expect(bytes).toMatch(/^Received: [^]*?\+0000\r\n(?:[\w-]+: [^\r\n]*\r\n)*X-Spam-Status: No, score=0\.1\r\nFrom: /);
    } finally {
      remove();
    }
  });
});
