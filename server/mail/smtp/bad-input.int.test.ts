import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { createMailbox, createMailTenant } from "../mail-test-fixtures";
import { storeRoot } from "../paths";
import { expectCode, message, openSession, rawSmtp, startTestEngine } from "./smtp-test-helpers";

// Issue 7 "Bad input": malformed commands, pipelining abuse, bare LF and SMTP smuggling,
// 8-bit headers, a 1 MB header line, unterminated DATA, clients vanishing mid-DATA, oversized
// messages, failed TLS handshakes. The engine answers per RFC 5321, stores nothing partial,
// and answers the next client.

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let box: { id: string; address: string };
const MB = 1024 * 1024;

beforeAll(async () => {
  process.env.SMTP_MAX_MESSAGE_MB = "2";
  resetEnvCache();
  engine = await startTestEngine();
  box = await createMailbox(await createMailTenant());
});
afterAll(async () => {
  await engine?.cleanup();
  delete process.env.SMTP_MAX_MESSAGE_MB;
  resetEnvCache();
});

async function storeFiles(): Promise<number> {
  const all = await readdir(storeRoot(), { recursive: true, withFileTypes: true }).catch(() => []);
  return all.filter((e) => e.isFile() && !e.name.startsWith(".")).length;
}

/** The engine still serves a normal client after whatever the test did. */
async function stillServes() {
  const c = await openSession(engine.ports.mx);
  await expectCode(c.cmd("MAIL FROM:<ok@outside.test>"), 250);
  await expectCode(c.cmd(`RCPT TO:<${box.address}>`), 250);
  await expectCode(c.cmd("DATA"), 354);
  await expectCode(c.cmd(`${message({ from: "ok@outside.test", to: box.address })}.`), 250);
  await expectCode(c.cmd("QUIT"), 221);
}

async function transaction(c: Awaited<ReturnType<typeof rawSmtp>>) {
  await expectCode(c.cmd("MAIL FROM:<bad@outside.test>"), 250);
  await expectCode(c.cmd(`RCPT TO:<${box.address}>`), 250);
  await expectCode(c.cmd("DATA"), 354);
}

describe("malformed commands", () => {
  it("answers syntax errors and bad sequences, and closes after too many unknown commands", async () => {
    const c = await rawSmtp(engine.ports.mx);
    await expectCode(c.reply(), 220);
    expect(await c.cmd("MAIL FROM:<a@b.test>")).toMatch(/^503 /); // before EHLO
    await expectCode(c.cmd("EHLO client.test"), 250);
    expect(await c.cmd("RCPT TO:<x@y.test>")).toMatch(/^503 /); // before MAIL
    expect(await c.cmd("DATA")).toMatch(/^503 /);
    expect(await c.cmd("MAIL FROM:no-brackets and spaces")).toMatch(/^501 /);
    expect(await c.cmd("MAIL FROM:<a@b.test> BODY=9BIT")).toMatch(/^501 /);
    expect(await c.cmd("MAIL FROM:<not an address>")).toMatch(/^5\d\d /);
    expect(await c.cmd("\x00\x01\xff")).toMatch(/^500 /);
    for (let i = 0; i < 8; i++) await c.cmd("BOGUS");
    expect(await c.cmd("BOGUS")).toMatch(/^421 /);
    await c.closed;
    await stillServes();
  });

  it("refuses an HTTP request and a 1 MB command line", async () => {
    const h = await rawSmtp(engine.ports.mx);
    await expectCode(h.reply(), 220);
    expect(await h.cmd("POST / HTTP/1.1")).toMatch(/^421 /);
    const c = await openSession(engine.ports.mx);
    c.write(`MAIL FROM:<${"a".repeat(MB)}@b.test>\r\n`);
    expect(await c.reply()).toMatch(/^(421|5\d\d) /);
    c.destroy();
    await stillServes();
  });
});

describe("pipelining abuse", () => {
  it("answers a burst of commands sent before any reply, in order", async () => {
    const c = await rawSmtp(engine.ports.mx);
    c.write(
      ["EHLO burst.test", "MAIL FROM:<burst@outside.test>", `RCPT TO:<${box.address}>`, "DATA", message({ from: "burst@outside.test", to: box.address, subject: "burst" }) + ".", "NOOP", "QUIT", ""].join("\r\n"),
    );
    // A command before the greeting is an early talker only when a pause is configured (it is 0 here).
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push((await c.reply()).slice(0, 3));
    expect(replies).toEqual(["220", "250", "250", "250", "354", "250", "250", "221"]);
    expect(await db.mailMessage.count({ where: { subject: "burst" } })).toBe(1);
  });

  it("survives 2,000 pipelined NOOPs", async () => {
    const c = await openSession(engine.ports.mx);
    c.write("NOOP\r\n".repeat(2000));
    for (let i = 0; i < 2000; i++) await expectCode(c.reply(), 250);
    await expectCode(c.cmd("QUIT"), 221);
  });
});

describe("bare LF and SMTP smuggling", () => {
  it.each([
    ["<LF>.<LF>", "\n.\n"],
    ["<LF>.<CR><LF>", "\n.\r\n"],
    ["<CR><LF>.<LF>", "\r\n.\n"],
  ])("%s does not end DATA: one message, the smuggled commands are its content", async (_name, fake) => {
    const subject = `smuggle ${JSON.stringify(fake)}`;
    const c = await openSession(engine.ports.mx);
    await transaction(c);
    const smuggled = `MAIL FROM:<smuggled@outside.test>\r\nRCPT TO:<${box.address}>\r\nDATA\r\nSubject: smuggled\r\n\r\nevil\r\n`;
    c.write(`Subject: ${subject}\r\n\r\nbefore${fake}${smuggled}.\r\n`);
    const r = await c.reply();
    expect(r).toMatch(/^250 /);
    expect(await c.cmd("NOOP")).toMatch(/^250 /); // no stray replies queued behind
    c.destroy();
    expect(await db.mailMessage.count({ where: { subject: "smuggled" } })).toBe(0);
    expect(await db.mailMessage.count({ where: { subject } })).toBe(1);
  });

  it("stores bare-LF messages with CRLF line ends", async () => {
    const c = await openSession(engine.ports.mx);
    await transaction(c);
    c.write("Subject: bare lf\n\nline one\nline two\r\n.\r\n");
    expect(await c.reply()).toMatch(/^250 /);
    c.destroy();
    const row = await db.mailMessage.findFirstOrThrow({ where: { subject: "bare lf" } });
    expect(row.size).toBeGreaterThan(0);
  });
});

describe("headers", () => {
  it("accepts 8-bit headers and decodes them (UTF-8, GBK)", async () => {
    const c = await openSession(engine.ports.mx);
    await transaction(c);
    c.write(Buffer.concat([Buffer.from("Subject: "), Buffer.from("季度报告", "utf8"), Buffer.from("\r\nFrom: "), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(" <a@b.test>\r\n\r\nbody\r\n.\r\n")]));
    expect(await c.reply()).toMatch(/^250 /);
    c.destroy();
    expect(await db.mailMessage.count({ where: { subject: "季度报告" } })).toBe(1);
  });

  it("accepts a 1 MB header line and keeps 255 characters of it as the subject", async () => {
    const c = await openSession(engine.ports.mx);
    await transaction(c);
    c.write(`Subject: ${"s".repeat(MB)}\r\n\r\nbody\r\n.\r\n`);
    expect(await c.reply()).toMatch(/^250 /);
    c.destroy();
    expect(await db.mailMessage.count({ where: { subject: "s".repeat(255) } })).toBe(1);
  });
});

describe("incomplete and oversized messages", () => {
  it("stores nothing when DATA is never terminated and the client disconnects", async () => {
    const [rows, files] = [await db.mailMessage.count(), await storeFiles()];
    const c = await openSession(engine.ports.mx);
    await transaction(c);
    c.write("Subject: unterminated\r\n\r\nno end");
    await new Promise((r) => setTimeout(r, 100));
    c.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect([await db.mailMessage.count(), await storeFiles()]).toEqual([rows, files]);
    await stillServes();
  });

  it("stores nothing when the client vanishes in the middle of a large DATA", async () => {
    const [rows, files] = [await db.mailMessage.count(), await storeFiles()];
    const c = await openSession(engine.ports.mx);
    await transaction(c);
    c.write(`Subject: vanished\r\n\r\n${"x".repeat(76)}\r\n`.repeat(10_000));
    c.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect([await db.mailMessage.count(), await storeFiles()]).toEqual([rows, files]);
    await stillServes();
  });

  it("refuses a message over SMTP_MAX_MESSAGE_MB with 552 5.3.4 after reading it, and the session goes on", async () => {
    const rows = await db.mailMessage.count();
    const c = await openSession(engine.ports.mx);
    await transaction(c);
    c.write(`Subject: too big\r\n\r\n${`${"y".repeat(998)}\r\n`.repeat(2200)}.\r\n`);
    expect(await c.reply()).toMatch(/^552 5\.3\.4 .*2097152 bytes/);
    await expectCode(c.cmd("RSET"), 250);
    c.destroy();
    expect(await db.mailMessage.count()).toBe(rows);
  });
});

describe("TLS handshakes that fail", () => {
  it("survives garbage after STARTTLS", async () => {
    const c = await openSession(engine.ports.submission);
    await expectCode(c.cmd("STARTTLS"), 220);
    c.write(Buffer.from("this is not a TLS ClientHello\r\n\x16\x03\x01\x00\x05hello"));
    await c.closed;
    await stillServes();
  });

  it("survives plaintext on the implicit-TLS port and a client that hangs up mid-handshake", async () => {
    const net = await import("node:net");
    const plain = net.connect({ host: "127.0.0.1", port: engine.ports.submissions });
    plain.on("error", () => {});
    plain.write("EHLO plaintext.test\r\n");
    await new Promise((r) => plain.once("close", r));
    const half = net.connect({ host: "127.0.0.1", port: engine.ports.submissions });
    half.on("error", () => {});
    half.write(Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]));
    half.destroy();
    const c = await openSession(engine.ports.submissions, { implicitTls: true, user: box.address, pass: "x" }).catch((e: Error) => e);
    expect(String(c)).toMatch(/535/); // the handshake and the session worked; only the password was wrong
    await stillServes();
  });
});

describe("store stays consistent", () => {
  it("has exactly one file per stored copy", async () => {
    const copies = await db.storedMessage.findMany({ select: { path: true } });
    const files = await readdir(storeRoot(), { recursive: true, withFileTypes: true });
    const onDisk = new Set(files.filter((f) => f.isFile()).map((f) => path.relative(storeRoot(), path.join(f.parentPath, f.name))));
    for (const c of copies) expect(onDisk.has(c.path)).toBe(true);
  });
});
