// Shared by the POP3 integration tests: a listener on port 0 with the test TLS pair, messages
// put into a mailbox through the real store, Python's poplib run as a child process, and a raw
// socket client for the input no well-behaved client sends. Not imported by application code.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import net from "node:net";
import tls from "node:tls";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
// Renamed: it is not a React hook, but its "use" prefix trips the hooks lint rule.
import { createMailTenant, scratchDataDir, useTestTls as testTlsPair, type MailTenant } from "@/server/mail/mail-test-fixtures";
import { commitMessage } from "@/server/mail/store/commit-message";
import { incomingMessage, localTo, recipient } from "@/server/mail/store/incoming-message-fixture";
import { closeStorePool } from "@/server/mail/store/store-db";
import { startPop3, type Pop3Listener, type Pop3ListenerOptions } from "./pop3-server";

const execFileP = promisify(execFile);

/** A POP3 (STLS) or POP3S listener on 127.0.0.1 port 0; failed logins pause 50 ms instead of 1 s. */
export async function startTestPop3(implicitTls: boolean, over: Partial<Pop3ListenerOptions> = {}) {
  const pair = await testTlsPair();
  const [key, cert] = await Promise.all([readFile(pair.key), readFile(pair.cert)]);
  return startPop3({ host: "127.0.0.1", port: 0, implicitTls, tls: { key, cert }, loginFailureDelayMs: 50, hostname: "mx.mailstead.test", ...over });
}

export type Pop3TestWorld = { t: MailTenant; pop3: Pop3Listener; pop3s: Pop3Listener };

/**
 * For a test file: a scratch store, a mail tenant, and both listeners (STLS and POP3S), made
 * before its tests and closed after them. Read the fields inside tests, once beforeAll ran.
 */
export function pop3TestWorld(): Pop3TestWorld {
  const world = {} as Pop3TestWorld;
  let scratch: Awaited<ReturnType<typeof scratchDataDir>> | undefined;
  beforeAll(async () => {
    scratch = await scratchDataDir();
    world.t = await createMailTenant();
    [world.pop3, world.pop3s] = await Promise.all([startTestPop3(false), startTestPop3(true)]);
  });
  afterAll(async () => {
    await Promise.all([world.pop3?.close(0), world.pop3s?.close(0)]);
    await closeStorePool();
    await scratch?.cleanup();
  });
  return world;
}

type Box = { id: string; tenantId: string; address: string };

/** Stores a message for `box` through the real store; returns its bytes. */
export async function deliver(box: Box, opts: { subject?: string; body?: string; bodyBytes?: number } = {}): Promise<Buffer> {
  const msg = incomingMessage({ ...opts, recipients: [recipient(box.address, [localTo(box)])] });
  await commitMessage(msg);
  return msg.bytes;
}

/**
 * Runs a Python script with poplib imported, `PORT`, `USER` and `PASSWORD` defined and a
 * context that accepts the self-signed certificate (`ctx`); returns what it printed as JSON.
 */
export async function runPoplib<T = unknown>(script: string, vars: { port: number; user: string; password: string }): Promise<T> {
  const prelude = [
    "import json, poplib, ssl, sys",
    "ctx = ssl.create_default_context()",
    "ctx.check_hostname = False",
    "ctx.verify_mode = ssl.CERT_NONE",
    `PORT = ${vars.port}`,
    `USER = ${JSON.stringify(vars.user)}`,
    `PASSWORD = ${JSON.stringify(vars.password)}`,
    "def text(resp): return resp.decode() if isinstance(resp, bytes) else resp",
  ].join("\n");
  const { stdout } = await execFileP("python3", ["-c", `${prelude}\n${script}`], { timeout: 15_000 });
  return JSON.parse(stdout) as T;
}

/** A POP3 client speaking raw bytes: sends anything, reads replies line by line. */
export class RawPop3 {
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(public socket: net.Socket) {
    this.attach(socket);
  }

  static async connect(port: number, implicitTls = false): Promise<RawPop3> {
    const socket = implicitTls ? tls.connect({ port, host: "127.0.0.1", rejectUnauthorized: false }) : net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      socket.once(implicitTls ? "secureConnect" : "connect", () => resolve());
      socket.once("error", reject);
    });
    return new RawPop3(socket);
  }

  private attach(socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** The next reply line (without CRLF); null when the server closed the connection. */
  async line(timeoutMs = 5000): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lf = this.buffer.indexOf("\r\n");
      if (lf !== -1) {
        const line = this.buffer.subarray(0, lf).toString();
        this.buffer = this.buffer.subarray(lf + 2);
        return line;
      }
      if (this.closed) return null;
      if (Date.now() > deadline) throw new Error(`no reply line within ${timeoutMs} ms (have ${JSON.stringify(this.buffer.toString())})`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Sends a command and returns the first line of its reply. */
  async command(line: string): Promise<string | null> {
    this.send(line + "\r\n");
    return this.line();
  }

  /** The lines of a multi-line reply after its status line, up to (not including) ".". */
  async body(): Promise<string[]> {
    const lines: string[] = [];
    for (let line = await this.line(); line !== "."; line = await this.line()) {
      if (line === null) throw new Error("connection closed inside a multi-line reply");
      lines.push(line);
    }
    return lines;
  }

  /** Resolves once the server has closed the connection. */
  async closedByServer(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error("the server did not close the connection");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Upgrades after "+OK" to STLS; replies from then on come over TLS. */
  async startTls(): Promise<void> {
    this.socket.removeAllListeners("data");
    this.socket.removeAllListeners("close");
    const secure = tls.connect({ socket: this.socket, rejectUnauthorized: false });
    await new Promise<void>((resolve, reject) => {
      secure.once("secureConnect", () => resolve());
      secure.once("error", reject);
    });
    this.socket = secure;
    this.attach(secure);
  }

  /** Logs in over USER/PASS (the connection must already be TLS). */
  async login(user: string, password: string): Promise<string | null> {
    await this.command(`USER ${user}`);
    return this.command(`PASS ${password}`);
  }

  destroy(): void {
    this.socket.destroy();
  }
}
