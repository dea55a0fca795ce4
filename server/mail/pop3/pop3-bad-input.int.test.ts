import { unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createMailbox, MAIL_PASSWORD } from "@/server/mail/mail-test-fixtures";
import { storeRoot } from "@/server/mail/paths";
import { db } from "@/server/shared/db";
import { resetEnvCache } from "@/server/shared/env";
import { deliver, pop3TestWorld, RawPop3, startTestPop3 } from "./pop3-test-helpers";
import type { Pop3Listener } from "./pop3-server";

// What no well-behaved client sends (issue 7 "Bad input"), over raw sockets: plaintext logins,
// STLS command injection, overlong and binary lines, password guessing, pipelining floods,
// clients that vanish mid-RETR or go silent, broken TLS, and a shutdown with sessions open.

const world = pop3TestWorld();

const storedCount = (mailboxId: string) => db.storedMessage.count({ where: { mailboxId } });

async function open(listener: Pop3Listener, implicitTls: boolean): Promise<RawPop3> {
  const c = await RawPop3.connect(listener.port, implicitTls);
  expect(await c.line()).toBe("+OK mx.mailstead.test POP3 server ready");
  return c;
}

/** A TLS session logged in to `address`. */
async function loggedIn(address: string): Promise<RawPop3> {
  const c = await open(world.pop3s, true);
  expect(await c.login(address, MAIL_PASSWORD)).toMatch(/^\+OK /);
  return c;
}

/** The server still answers a new client. */
async function stillUp(): Promise<void> {
  const c = await open(world.pop3, false);
  expect(await c.command("QUIT")).toBe("+OK bye");
}

describe("POP3 bad input", () => {
  it("the plain listener offers STLS and refuses USER, PASS and AUTH until it is used", async () => {
    const c = await open(world.pop3, false);
    expect(await c.command("CAPA")).toBe("+OK capability list follows");
    const capa = await c.body();
    expect(capa).toContain("STLS");
    expect(capa).not.toContain("USER");
    expect(await c.command("USER someone@example.com")).toBe("-ERR [AUTH] plaintext login is refused: send STLS first");
    expect(await c.command("PASS secret")).toBe("-ERR [AUTH] plaintext login is refused: send STLS first");
    expect(await c.command("AUTH PLAIN AHVzZXIAcGFzcw==")).toBe("-ERR [AUTH] plaintext login is refused: send STLS first");
    expect(await c.command("STLS")).toBe("+OK begin TLS negotiation");
    await c.startTls();
    const box = await createMailbox(world.t);
    expect(await c.login(box.address, MAIL_PASSWORD)).toMatch(/^\+OK .* has 0 messages/);
    expect(await c.command("STLS")).toBe("-ERR STLS is not valid after login");
    expect(await c.command("QUIT")).toBe("+OK bye, maildrop empty");
  });

  it("drops commands pipelined after STLS in plaintext (no command injection into the TLS session)", async () => {
    const box = await createMailbox(world.t);
    const c = await open(world.pop3, false);
    c.send(`STLS\r\nUSER ${box.address}\r\n`);
    expect(await c.line()).toBe("+OK begin TLS negotiation");
    await c.startTls();
    // Had the injected USER run, PASS would log in.
    expect(await c.command(`PASS ${MAIL_PASSWORD}`)).toBe("-ERR send USER first");
    await c.command("QUIT");
  });

  it("a TLS handshake that fails (plaintext after STLS, garbage on POP3S) closes that connection only", async () => {
    const c = await open(world.pop3, false);
    expect(await c.command("STLS")).toBe("+OK begin TLS negotiation");
    c.send("this is not a TLS ClientHello\r\n");
    await c.closedByServer();
    const raw = net.connect(world.pop3s.port, "127.0.0.1");
    raw.on("error", () => {});
    raw.write("USER plaintext@example.com\r\n");
    await new Promise((resolve) => raw.once("close", resolve));
    await stillUp();
    await (await open(world.pop3s, true)).command("QUIT");
  });

  it("refuses overlong command lines (300 octets, 1 MB) and keeps the session", async () => {
    const c = await open(world.pop3, false);
    expect(await c.command("USER " + "a".repeat(300))).toBe("-ERR command line too long (at most 255 octets)");
    expect(await c.command("X" + "h".repeat(1024 * 1024))).toBe("-ERR command line too long (at most 255 octets)");
    expect(await c.command("CAPA")).toBe("+OK capability list follows");
    await c.body();
    expect(await c.command("QUIT")).toBe("+OK bye");
  });

  it("answers binary garbage with -ERR and closes after ten bad commands", async () => {
    const c = await open(world.pop3, false);
    c.send(Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a]));
    expect(await c.line()).toBe("-ERR unknown command");
    c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + "\x01\x02\x03\n".repeat(10));
    const replies: (string | null)[] = [];
    for (let line = await c.line(); line !== null; line = await c.line()) replies.push(line);
    expect(replies).toHaveLength(9);
    expect(replies.at(-1)).toMatch(/too many bad commands, closing connection$/);
    await stillUp();
  });

  it("pauses after each failed login and closes after the third", async () => {
    const box = await createMailbox(world.t);
    const c = await open(world.pop3s, true);
    const started = Date.now();
    expect(await c.login(box.address, "wrong-1")).toBe("-ERR [AUTH] invalid user name or password");
    expect(await c.login("nobody@nowhere.example", "wrong-2")).toBe("-ERR [AUTH] invalid user name or password");
    expect(await c.login(box.address, "wrong-3")).toBe("-ERR [AUTH] invalid user name or password; too many failed logins, closing connection");
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    await c.closedByServer();
  });

  it("huge and invalid message numbers, a deleted message, and a flood of pipelined commands", async () => {
    const box = await createMailbox(world.t);
    await deliver(box);
    const c = await loggedIn(box.address);
    expect(await c.command("RETR 99999999999999999999999999999999")).toMatch(/^-ERR no such message: /);
    expect(await c.command("RETR 2")).toBe("-ERR no such message: 2 (the maildrop has 1)");
    expect(await c.command("TOP 1 99999999999999999999999")).toMatch(/^\+OK \d+ octets$/);
    await c.body();
    expect(await c.command("DELE 1")).toBe("+OK message 1 deleted");
    expect(await c.command("DELE 1")).toBe("-ERR message 1 is already deleted");
    expect(await c.command("RETR 1")).toBe("-ERR message 1 is already deleted");
    expect(await c.command("RSET")).toMatch(/^\+OK maildrop has 1 messages/);
    // 5,000 commands in one write: every reply, in order.
    c.send("STAT\r\nNOOP\r\n".repeat(2500));
    for (let i = 0; i < 2500; i++) {
      expect(await c.line()).toMatch(/^\+OK 1 \d+$/);
      expect(await c.line()).toBe("+OK");
    }
    expect(await c.command("QUIT")).toBe("+OK bye, 1 messages left");
    expect(await storedCount(box.id)).toBe(1);
  });

  it("a client that vanishes mid-RETR of a large message deletes nothing and frees the maildrop", async () => {
    const box = await createMailbox(world.t);
    await deliver(box, { bodyBytes: 8 * 1024 * 1024 });
    await deliver(box);
    const c = await loggedIn(box.address);
    expect(await c.command("DELE 2")).toBe("+OK message 2 deleted");
    expect(await c.command("RETR 1")).toMatch(/^\+OK \d+ octets$/);
    c.destroy();
    const next = await open(world.pop3s, true);
    await expect.poll(() => next.login(box.address, MAIL_PASSWORD), { timeout: 5000 }).toMatch(/^\+OK .* has 2 messages/);
    await next.command("QUIT");
    expect(await storedCount(box.id)).toBe(2);
  });

  it("a message whose file is missing answers [SYS/TEMP] and the session goes on", async () => {
    const box = await createMailbox(world.t);
    await deliver(box);
    await deliver(box);
    const [lost] = await db.storedMessage.findMany({ where: { mailboxId: box.id }, orderBy: { id: "asc" } });
    await unlink(path.join(storeRoot(), lost?.path ?? "missing"));
    const c = await loggedIn(box.address);
    expect(await c.command("RETR 1")).toBe("-ERR [SYS/TEMP] the message cannot be read now, try again later");
    expect(await c.command("RETR 2")).toMatch(/^\+OK \d+ octets$/);
    await c.body();
    expect(await c.command("QUIT")).toBe("+OK bye, 2 messages left");
  });

  it("closes a silent client at the idle timeout without a reply and without deleting", async () => {
    const quick = await startTestPop3(true, { idleTimeoutMs: 300 });
    try {
      const box = await createMailbox(world.t);
      await deliver(box);
      const c = await RawPop3.connect(quick.port, true);
      await c.line();
      await c.login(box.address, MAIL_PASSWORD);
      expect(await c.command("DELE 1")).toBe("+OK message 1 deleted");
      await c.closedByServer(3000);
      expect(await c.line()).toBeNull();
      expect(await storedCount(box.id)).toBe(1);
    } finally {
      await quick.close(0);
    }
  });

  it("shutdown: stops accepting, closes unauthenticated sessions at once, gives logged-in ones the grace to QUIT", async () => {
    const listener = await startTestPop3(true);
    const [quitter, lingerer] = [await createMailbox(world.t), await createMailbox(world.t)];
    await deliver(quitter);
    await deliver(lingerer);
    const anonymous = await RawPop3.connect(listener.port, true);
    await anonymous.line();
    const q = await RawPop3.connect(listener.port, true);
    await q.line();
    await q.login(quitter.address, MAIL_PASSWORD);
    const l = await RawPop3.connect(listener.port, true);
    await l.line();
    await l.login(lingerer.address, MAIL_PASSWORD);
    await q.command("DELE 1");
    await l.command("DELE 1");

    const started = Date.now();
    const closing = listener.close(600);
    expect(await anonymous.line()).toBe("-ERR [SYS/TEMP] server shutting down");
    await anonymous.closedByServer();
    await expect(RawPop3.connect(listener.port, true)).rejects.toThrow();
    // Within the grace, a QUIT still applies its deletions.
    expect(await q.command("QUIT")).toBe("+OK bye, 1 deleted, 0 messages left");
    // The other is cut when the grace ends; its deletions never apply.
    expect(await l.line(3000)).toBe("-ERR [SYS/TEMP] server shutting down");
    await l.closedByServer();
    await closing;
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(await storedCount(quitter.id)).toBe(0);
    expect(await storedCount(lingerer.id)).toBe(1);
  });

  it("writes one structured log line per session", async () => {
    process.env.LOG_LEVEL = "info";
    resetEnvCache();
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const box = await createMailbox(world.t);
      await deliver(box);
      await deliver(box);
      const c = await loggedIn(box.address);
      await c.command("RETR 1");
      await c.body();
      await c.command("DELE 2");
      await c.command("QUIT");
      await c.closedByServer();
      await expect.poll(() => lines.some((l) => l.includes(box.address))).toBe(true);
    } finally {
      spy.mockRestore();
      process.env.LOG_LEVEL = "warn";
      resetEnvCache();
    }
    const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.msg === "pop3 session" && e.retrieved === 1);
    expect(entry).toMatchObject({ level: "info", scope: "mail.pop3", listener: "pop3s", tls: true, loginFailures: 0, retrieved: 1, deleted: 1, end: "quit" });
    expect(entry?.retrievedBytes).toBeGreaterThan(0);
  });
});
