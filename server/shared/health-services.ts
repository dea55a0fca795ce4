import { Resolver } from "node:dns/promises";
import net from "node:net";
import { env } from "./env";

// The platform's other processes as /api/health sees them from outside: each mail listener must
// answer its greeting (a bound port whose event loop is stuck accepts the connection but never
// greets, so a TCP connect alone would say "up"), and the DNS sandbox must answer a query.

export type ListenerTarget = { host: string; port: number; greeting: RegExp; quit: string };
export type ServiceTargets = {
  listeners: Partial<Record<"mx" | "submission" | "pop3", ListenerTarget>>;
  dns: { host: string; port: number; name: string } | null;
};

/** Connects, reads the first line, checks it is the greeting, says goodbye; rejects with what went wrong. */
export function readGreeting(t: ListenerTarget, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: t.host, port: t.port });
    let buffered = "";
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.removeAllListeners("data");
      if (error) {
        socket.destroy();
        return reject(error);
      }
      // A polite end, so the listener logs a client that quit rather than one that vanished.
      socket.end(t.quit);
      resolve();
    };
    const timer = setTimeout(() => done(new Error(`no greeting from ${t.host}:${t.port} within ${timeoutMs} ms`)), timeoutMs);
    socket.setEncoding("latin1");
    socket.on("error", (e) => done(new Error(`${t.host}:${t.port}: ${e.message}`)));
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf("\n");
      if (end < 0 && buffered.length < 512) return;
      const line = buffered.slice(0, end < 0 ? 512 : end).trim();
      done(t.greeting.test(line) ? undefined : new Error(`${t.host}:${t.port} greeted ${JSON.stringify(line.slice(0, 120))}`));
    });
  });
}

/** Asks the DNS sandbox one question; an answer of "no such name" still shows it is serving. */
export async function queryDns(t: { host: string; port: number; name: string }, timeoutMs: number): Promise<void> {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers([`${t.host}:${t.port}`]);
  try {
    await resolver.resolveSoa(t.name);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOTFOUND" || code === "ENODATA") return;
    throw new Error(`DNS sandbox at ${t.host}:${t.port}: ${code ?? (e instanceof Error ? e.message : String(e))}`);
  }
}

/** What a listener of this kind must greet with: SMTP "220 …", POP3 "+OK …". */
export function listenerTarget(kind: "smtp" | "pop3", host: string, port: number): ListenerTarget {
  return kind === "smtp" ? { host, port, greeting: /^220[ -]/, quit: "QUIT\r\n" } : { host, port, greeting: /^\+OK/, quit: "QUIT\r\n" };
}

const wildcard = (host: string) => host === "0.0.0.0" || host === "::" || host === "[::]";

/** What the configuration says to check: the listeners with a fixed port, the sandbox when it is on. */
export function configuredServiceTargets(): ServiceTargets {
  const e = env();
  const host = e.MAIL_HEALTH_HOST ?? (wildcard(e.MAIL_BIND_HOST) ? "127.0.0.1" : e.MAIL_BIND_HOST);
  const listeners: ServiceTargets["listeners"] = {};
  // Port 0 means "any free port" (tests): nothing fixed to look at.
  if (host !== "off") {
    if (e.SMTP_MX_PORT) listeners.mx = listenerTarget("smtp", host, e.SMTP_MX_PORT);
    if (e.SMTP_SUBMISSION_PORT) listeners.submission = listenerTarget("smtp", host, e.SMTP_SUBMISSION_PORT);
    if (e.POP3_PORT) listeners.pop3 = listenerTarget("pop3", host, e.POP3_PORT);
  }
  const dns = e.DNS_SANDBOX === "on" ? { host: "127.0.0.1", port: e.DNS_SANDBOX_PORT, name: e.PLATFORM_DOMAIN } : null;
  return { listeners, dns };
}
