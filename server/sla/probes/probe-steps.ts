import type { LineConnection } from "./line-connection";
import type { ProbeResult } from "./probe.types";

// The steps the SMTP and POP3 probes share, and the one wrapper that turns a run into a result.

/**
 * A reply the probe did not expect; `suspectMailbox` when it may mean the probe mailbox is gone,
 * `inconclusive` when it says nothing about the service (the mailbox held by another probe session).
 */
export class ProbeReplyError extends Error {
  constructor(
    message: string,
    readonly suspectMailbox = false,
    readonly inconclusive = false,
  ) {
    super(message);
  }
}

/** The flags of a failed run's error, for its ProbeResult. */
export function failureFlags(e: unknown): Pick<ProbeResult, "suspectMailbox" | "inconclusive"> {
  if (!(e instanceof ProbeReplyError)) return {};
  return { ...(e.suspectMailbox ? { suspectMailbox: true } : {}), ...(e.inconclusive ? { inconclusive: true } : {}) };
}

/**
 * Times `work` (unless it reports its own latency); any throw is a failed run with its message,
 * latency null (it never finished).
 */
export async function runProbe(work: () => Promise<{ latencyMs?: number } | void>): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const own = (await work())?.latencyMs;
    return { ok: true, latencyMs: Math.round(own ?? performance.now() - started), error: null };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { ok: false, latencyMs: null, error, ...failureFlags(e) };
  }
}

const shown = (command: string) => (command.startsWith("AUTH ") ? "AUTH PLAIN" : command.startsWith("PASS ") ? "PASS" : command);

/** Sends an SMTP command (or only reads, for the greeting) and insists on `want`. */
export async function smtpStep(c: LineConnection, command: string | null, want: number, suspectOn: (code: number, text: string) => boolean = () => false) {
  const what = command === null ? "the SMTP greeting" : `the reply to ${shown(command).split(":")[0]}`;
  if (command !== null) c.write(command + "\r\n");
  const reply = await c.smtpReply(what);
  if (reply.code !== want) throw new ProbeReplyError(`${what}: expected ${want}, got ${reply.text.slice(0, 300)}`, suspectOn(reply.code, reply.text));
  return reply;
}

/** Sends a POP3 command (or only reads, for the greeting) and insists on +OK. */
export async function pop3Step(c: LineConnection, command: string | null, suspect = false): Promise<string> {
  const what = command === null ? "the POP3 greeting" : `the reply to ${shown(command).split(" ")[0]}`;
  if (command !== null) c.write(command + "\r\n");
  const line = await c.line(what);
  // [IN-USE]: another session (another probe host's) holds the probe mailbox; not a failure of the service.
  if (!line.startsWith("+OK")) throw new ProbeReplyError(`${what}: expected +OK, got ${line.slice(0, 300)}`, suspect, line.startsWith("-ERR [IN-USE]"));
  return line;
}

/** The lines of a POP3 multi-line answer, dot-unstuffed, up to the final ".". */
export async function pop3Lines(c: LineConnection, what: string): Promise<string[]> {
  const lines: string[] = [];
  for (let l = await c.line(what); l !== "."; l = await c.line(what)) lines.push(l.startsWith("..") ? l.slice(1) : l);
  return lines;
}

/** Unknown user (550 5.1.1) or a refused login (535): perhaps someone deleted the probe mailbox. */
export const unknownUser = (code: number, text: string) => code === 550 && text.includes("5.1.1");
export const refusedLogin = (code: number) => code === 535;

export const authPlain = (address: string, password: string) => `AUTH PLAIN ${Buffer.from(`\0${address}\0${password}`).toString("base64")}`;

/** SMTP DATA body: CRLF line ends, dot-stuffed, with the terminating "<CRLF>.<CRLF>". */
export function dataBody(message: Buffer | string): Buffer {
  const text = (typeof message === "string" ? message : message.toString("latin1")).replace(/\r?\n/g, "\r\n");
  const stuffed = text.replace(/^\./gm, "..");
  return Buffer.from((stuffed.endsWith("\r\n") ? stuffed : stuffed + "\r\n") + ".\r\n", "latin1");
}

/** Sends a message after DATA's 354 and returns the server's verdict on it. */
export function sendMessage(c: LineConnection, message: Buffer | string): Promise<{ code: number; text: string }> {
  c.write(dataBody(message));
  return c.smtpReply("the reply to the message");
}
