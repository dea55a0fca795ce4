import net from "node:net";
import { env } from "@/server/shared/env";
import { FilterUnavailableError } from "@/server/mail/filter/filter-unavailable";

// A client for clamd's zINSTREAM command (docs/clamav.md). One TCP connection per scan:
// clamd closes it after the reply, and a pooled connection would only add state to get wrong.

export type ClamResult = { infected: false; ms: number } | { infected: true; signature: string; ms: number };
export type ClamdOptions = { host?: string; port?: number; timeoutMs?: number };

// clamd reads INSTREAM data in chunks of at most StreamMaxLength; 64 KB keeps each write
// small enough not to sit in the socket buffer while staying cheap in syscalls.
const CHUNK_BYTES = 64 * 1024;

// Scan time grows with size: measured ~0.27 s per MB on a loaded 2-core machine (a 100 MB
// message: 28 s, docs/clamav.md), so the default deadline is CLAMD_TIMEOUT_MS plus 1 s per
// started MB, but at most 240 s: below clamd's MaxScanTime (300 s in config/clamav/clamd.conf),
// so a slow scan ends here as 451 and never in clamd as a "limit exceeded" verdict.
const MS_PER_MB = 1_000;
const MAX_DEADLINE_MS = 240_000;

/** The deadline for scanning `bytes` bytes when the caller gives none; exported for the unit test. */
export function defaultScanDeadlineMs(bytes: number, baseMs = env().CLAMD_TIMEOUT_MS): number {
  return Math.min(MAX_DEADLINE_MS, baseMs + Math.ceil(bytes / (1024 * 1024)) * MS_PER_MB);
}

function resolve(opts: ClamdOptions = {}) {
  const e = env();
  return { host: opts.host ?? e.CLAMD_HOST, port: opts.port ?? e.CLAMD_PORT, timeoutMs: opts.timeoutMs ?? e.CLAMD_TIMEOUT_MS };
}

/**
 * Sends one z-command and resolves with clamd's reply (without the trailing NUL).
 * `body` writes the payload after the command; every failure becomes FilterUnavailableError.
 */
function exchange(command: string, opts: ClamdOptions, body?: (socket: net.Socket) => void): Promise<string> {
  const { host, port, timeoutMs } = resolve(opts);
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = net.connect({ host, port });
    const finish = (error: FilterUnavailableError | null, reply?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolvePromise(reply ?? "");
    };
    // One deadline for the whole exchange (connect + send + verdict), not an idle timeout:
    // a scanner that trickles bytes must not hold a message past the deadline.
    const timer = setTimeout(
      () => finish(new FilterUnavailableError("clamd", `no answer from ${host}:${port} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on("error", (e) => {
      // clamd answers "INSTREAM size limit exceeded. ERROR" and closes while we still write:
      // the reply, when there is one, says more than our EPIPE.
      if (chunks.length > 0) finish(null, Buffer.concat(chunks).toString("utf8").replace(/\0[\s\S]*$/, ""));
      else finish(new FilterUnavailableError("clamd", `${host}:${port}: ${e.message}`, { cause: e }));
    });
    socket.on("data", (d: Buffer) => {
      chunks.push(d);
      // z-commands end their reply with a NUL; clamd then closes, but we need not wait for it.
      if (d.includes(0)) finish(null, Buffer.concat(chunks).toString("utf8").replace(/\0[\s\S]*$/, ""));
    });
    socket.on("close", () => {
      if (chunks.length > 0) finish(null, Buffer.concat(chunks).toString("utf8").replace(/\0[\s\S]*$/, ""));
      else finish(new FilterUnavailableError("clamd", `${host}:${port} closed the connection without an answer`));
    });
    socket.on("connect", () => {
      socket.write(`z${command}\0`);
      body?.(socket);
    });
  });
}

/** Writes the bytes as INSTREAM chunks (4-byte big-endian length + data), then the zero-length end. */
function writeStream(socket: net.Socket, bytes: Buffer) {
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length, 0);
    socket.write(length);
    socket.write(chunk);
  }
  socket.write(Buffer.alloc(4));
}

/** Parses a zINSTREAM reply; exported for the unit test. Throws on anything but a verdict. */
export function parseScanReply(reply: string): { infected: false } | { infected: true; signature: string } {
  const line = reply.trim();
  if (line === "stream: OK") return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(line);
  if (found?.[1]) return { infected: true, signature: found[1] };
  // "INSTREAM size limit exceeded. ERROR" included: a message larger than clamd's
  // StreamMaxLength has no verdict and must not be delivered unscanned.
  if (line.endsWith("ERROR")) throw new FilterUnavailableError("clamd", `clamd refused the scan: ${line}`);
  throw new FilterUnavailableError("clamd", `unexpected answer: ${JSON.stringify(line.slice(0, 200))}`);
}

/**
 * Scans a whole message (or any bytes); clamd unpacks MIME, archives and encodings itself.
 * Without `timeoutMs` the deadline is CLAMD_TIMEOUT_MS plus 1 s per MB (defaultScanDeadlineMs).
 * A finding named Heuristics.Limits.Exceeded.* means clamd could not scan all of it (too deep,
 * too many files): a finding all the same, never "clean" (AlertExceedsMax in clamd.conf).
 */
export async function clamdScan(bytes: Buffer, opts?: ClamdOptions): Promise<ClamResult> {
  const started = performance.now();
  const timeoutMs = opts?.timeoutMs ?? defaultScanDeadlineMs(bytes.length);
  const reply = await exchange("INSTREAM", { ...opts, timeoutMs }, (socket) => writeStream(socket, bytes));
  const verdict = parseScanReply(reply);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  return verdict.infected ? { infected: true, signature: verdict.signature, ms } : { infected: false, ms };
}

/** True when clamd answers PONG; false (never throws) when it is down, slow or confused. */
export async function clamdPing(opts?: ClamdOptions): Promise<boolean> {
  try {
    return (await exchange("PING", opts ?? {})).trim() === "PONG";
  } catch {
    return false;
  }
}
