import net from "node:net";
import { env } from "@/server/shared/env";
import { FilterUnavailableError } from "../filter-unavailable";

// A client for SpamAssassin's spamd (protocol SPAMC/1.5, as spamc speaks it). rspamd asks spamd
// for every scan itself (its external_services module); the platform talks to spamd directly
// only to teach its Bayes (TELL: the training half, users' "spam" / "not spam") and, in tests,
// to ask what it thinks of a message (SYMBOLS). One connection per request: spamd answers and
// closes.

export type SpamdOptions = { host?: string; port?: number; timeoutMs?: number };
export type SpamdReply = { status: number; message: string; headers: Record<string, string>; body: string };
export type SpamdVerdict = { isSpam: boolean; score: number; threshold: number; rules: string[] };
export type SpamdLesson = { learned: boolean; detail: string };

const DEFAULT_TIMEOUT_MS = 30_000;

/** Sends one request and parses "SPAMD/1.x <code> <message>", its headers and its body. */
export function spamdRequest(command: string, headers: Record<string, string>, body: Buffer, opts: SpamdOptions = {}): Promise<SpamdReply> {
  const e = env();
  const host = opts.host ?? e.SPAMD_HOST;
  const port = opts.port ?? e.SPAMD_PORT;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const head = [`${command} SPAMC/1.5`, `Content-length: ${body.length}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join("\r\n");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect({ host, port });
    const fail = (why: string, cause?: unknown) => finish(new FilterUnavailableError("spamassassin", `${host}:${port}: ${why}`, { cause }));
    function finish(error: FilterUnavailableError | null, reply?: SpamdReply) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(reply!);
    }
    // One deadline for the whole exchange: Bayes learning can wait on spamd's lock.
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on("error", (err) => fail(err.message, err));
    socket.on("data", (d: Buffer) => chunks.push(d));
    socket.on("close", () => {
      const reply = parseReply(Buffer.concat(chunks).toString("utf8"));
      if (!reply) fail(chunks.length ? `an answer that is not SPAMD: ${Buffer.concat(chunks).toString("utf8").slice(0, 120)}` : "closed the connection without an answer");
      else finish(null, reply);
    });
    socket.on("connect", () => {
      socket.write(`${head}\r\n\r\n`);
      socket.end(body);
    });
  });
}

/** Pure: splits spamd's answer; null when it is not one. Exported for the unit test. */
export function parseReply(text: string): SpamdReply | null {
  const status = /^SPAMD\/\d+\.\d+ (\d+) ([^\r\n]*)\r?\n/.exec(text);
  if (!status) return null;
  const rest = text.slice(status[0].length);
  const end = rest.search(/\r?\n\r?\n/);
  const headText = end < 0 ? rest : rest.slice(0, end);
  const body = end < 0 ? "" : rest.slice(end).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of headText.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(status[1]), message: status[2]!.trim(), headers, body };
}

function ok(reply: SpamdReply, what: string): SpamdReply {
  // 0 is EX_OK; spamd's other codes are sysexits (e.g. 69 unavailable, 76 protocol error).
  if (reply.status !== 0) throw new FilterUnavailableError("spamassassin", `${what} answered ${reply.status} ${reply.message}`);
  return reply;
}

/** SpamAssassin's verdict, score and the rules that fired. */
export async function spamdSymbols(bytes: Buffer, opts: SpamdOptions = {}): Promise<SpamdVerdict> {
  const reply = ok(await spamdRequest("SYMBOLS", {}, bytes, opts), "SYMBOLS");
  // "Spam: True ; 1000.0 / 5.0"
  const m = /^(True|False|Yes|No) ; (-?[\d.]+) \/ (-?[\d.]+)$/i.exec(reply.headers.spam ?? "");
  if (!m) throw new FilterUnavailableError("spamassassin", `SYMBOLS answered without a score: ${JSON.stringify(reply.headers)}`);
  const rules = reply.body.trim() ? reply.body.trim().split(/\s*,\s*/) : [];
  return { isSpam: /^(true|yes)$/i.test(m[1]!), score: Number(m[2]), threshold: Number(m[3]), rules };
}

/**
 * Teaches SpamAssassin's Bayes that the message is spam or ham (spamd --allow-tell). A message
 * already learned as that class is `learned: false`, not an error; one learned as the other
 * class is relearned. spamd declines nothing else here: its Bayes takes any message.
 */
export async function spamdTell(kind: "spam" | "ham", bytes: Buffer, opts: SpamdOptions = {}): Promise<SpamdLesson> {
  const reply = ok(await spamdRequest("TELL", { "Message-class": kind, Set: "local" }, bytes, opts), "TELL");
  const did = reply.headers.didset ?? "";
  return did.includes("local") ? { learned: true, detail: `learned as ${kind}` } : { learned: false, detail: `already learned as ${kind}` };
}

/** Does spamd answer? (The health page: PING, "SPAMD/1.5 0 PONG".) */
export async function spamdPing(opts: SpamdOptions = {}): Promise<boolean> {
  const reply = await spamdRequest("PING", {}, Buffer.alloc(0), opts);
  return reply.status === 0 && reply.message === "PONG";
}
