// Shared by the SMTP layer's integration tests: an engine on port 0 with a scratch store and a
// test certificate, and a raw-socket SMTP client that reads replies line by line (real bytes
// on a real socket: the bad-input tests must send exactly what they mean).
import net from "node:net";
import tls from "node:tls";
import { startSandboxServer, type SandboxServer } from "@/server/dns/sandbox-server";
import { resetEnvCache } from "@/server/shared/env";
import { scratchDataDir, useTestTls } from "../mail-test-fixtures";
import { startEngine, type RunningEngine } from "../engine";

// useTestTls is a fixture, not a React hook; the alias keeps eslint's hook rule out of it.
const testTls = useTestTls;

/**
 * With the filters on (MAIL_FILTERS, the default) the MX listener's SPF/DKIM/DMARC checks ask
 * DNS: each test engine gets a DNS sandbox of its own on port 0, serving the test file's
 * database (publishToSandbox / setSandboxZone reach it within 100 ms), so no test waits on a
 * resolver that is not there.
 */
export async function startTestEngine(): Promise<RunningEngine & { cleanup(): Promise<void>; dns: SandboxServer }> {
  await testTls();
  const data = await scratchDataDir();
  const dns = await startSandboxServer({ port: 0, pollMs: 100 });
  const savedResolvers = process.env.DNS_RESOLVERS;
  process.env.DNS_RESOLVERS = `${dns.host}:${dns.port}`;
  resetEnvCache();
  const engine = await startEngine({ host: "127.0.0.1", ports: { mx: 0, submission: 0, submissions: 0, pop3: 0, pop3s: 0 } }).catch(async (e: unknown) => {
    await dns.close();
    throw e;
  });
  return {
    ...engine,
    dns,
    cleanup: async () => {
      // The sandbox first: it polls the database the engine's stop() disconnects.
      await dns.close();
      await engine.stop();
      await data.cleanup();
      if (savedResolvers === undefined) delete process.env.DNS_RESOLVERS;
      else process.env.DNS_RESOLVERS = savedResolvers;
      resetEnvCache();
    },
  };
}

export type RawSmtp = {
  /** The next complete reply (all lines of a multi-line one, joined by "\n"). */
  reply(timeoutMs?: number): Promise<string>;
  /** Writes `line` + CRLF and returns the next reply. */
  cmd(line: string): Promise<string>;
  write(raw: string | Buffer): void;
  /** STARTTLS already answered 220: wraps the socket in TLS. */
  upgrade(): Promise<void>;
  /** Resolves when the server closed the connection. */
  closed: Promise<void>;
  destroy(): void;
};

export async function rawSmtp(port: number, opts: { implicitTls?: boolean } = {}): Promise<RawSmtp> {
  let socket: net.Socket = opts.implicitTls
    ? tls.connect({ host: "127.0.0.1", port, rejectUnauthorized: false })
    : net.connect({ host: "127.0.0.1", port });
  let buf = "";
  let lines: string[] = [];
  const replies: string[] = [];
  const waiters: ((r: string | Error) => void)[] = [];
  let closedResolve!: () => void;
  const closed = new Promise<void>((r) => (closedResolve = r));

  const deliver = (r: string | Error) => {
    const w = waiters.shift();
    if (w) w(r);
    else if (typeof r === "string") replies.push(r);
  };
  const onData = (d: Buffer) => {
    buf += d.toString("latin1");
    let i: number;
    while ((i = buf.indexOf("\r\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 2);
      lines.push(line);
      if (line[3] !== "-") {
        deliver(lines.join("\n"));
        lines = [];
      }
    }
  };
  const onClose = () => {
    closedResolve();
    for (const w of waiters.splice(0)) w(new Error("connection closed"));
  };
  const attach = (s: net.Socket) => {
    s.on("data", onData);
    s.on("close", onClose);
    s.on("error", () => {});
  };
  attach(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once(opts.implicitTls ? "secureConnect" : "connect", () => resolve());
    socket.once("error", reject);
  });

  const reply = (timeoutMs = 10_000) => {
    const queued = replies.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("no reply in time")), timeoutMs);
      waiters.push((r) => {
        clearTimeout(t);
        if (r instanceof Error) reject(r);
        else resolve(r);
      });
    });
  };
  return {
    reply,
    cmd: (line) => {
      socket.write(line + "\r\n");
      return reply();
    },
    write: (raw) => socket.write(raw),
    upgrade: async () => {
      socket.removeListener("data", onData);
      socket.removeListener("close", onClose);
      const secure = tls.connect({ socket, rejectUnauthorized: false });
      attach(secure);
      await new Promise<void>((resolve, reject) => {
        secure.once("secureConnect", () => resolve());
        secure.once("error", reject);
      });
      socket = secure;
    },
    closed,
    destroy: () => socket.destroy(),
  };
}

/** Greeting, EHLO, and (for submission) STARTTLS + AUTH PLAIN as `user`. */
export async function openSession(port: number, auth?: { user: string; pass: string; implicitTls?: boolean }): Promise<RawSmtp> {
  const c = await rawSmtp(port, { implicitTls: auth?.implicitTls });
  await expectCode(c.reply(), 220);
  await expectCode(c.cmd("EHLO client.test"), 250);
  if (!auth) return c;
  if (!auth.implicitTls) {
    await expectCode(c.cmd("STARTTLS"), 220);
    await c.upgrade();
    await expectCode(c.cmd("EHLO client.test"), 250);
  }
  await expectCode(c.cmd(`AUTH PLAIN ${Buffer.from(`\0${auth.user}\0${auth.pass}`).toString("base64")}`), 235);
  return c;
}

export async function expectCode(r: Promise<string>, code: number): Promise<string> {
  const text = await r;
  if (!text.startsWith(String(code))) throw new Error(`expected ${code}, got: ${text}`);
  return text;
}

/** A small message with CRLF line ends. */
export function message(opts: { from: string; to: string; subject?: string; body?: string }): string {
  return `From: <${opts.from}>\r\nTo: <${opts.to}>\r\nSubject: ${opts.subject ?? "test"}\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@client.test>\r\n\r\n${opts.body ?? "Hello."}\r\n`;
}
