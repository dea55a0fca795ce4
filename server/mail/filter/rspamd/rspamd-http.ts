import http from "node:http";
import https from "node:https";
import { FilterUnavailableError } from "../filter-unavailable";

// One POST to rspamd over kept-alive connections: the scan sits on the SMTP hot path, and a new
// TCP connection per message costs more than the scan of a small message does.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
};

export type RspamdReply = { status: number; body: string };

/**
 * POSTs `bytes` to `base` + `path` and resolves with the status and body of any HTTP answer.
 * Everything short of an HTTP answer (bad URL, refused, reset, no full answer within
 * `timeoutMs`) rejects with FilterUnavailableError("rspamd").
 */
export function rspamdPost(
  base: string,
  path: string,
  bytes: Buffer,
  headers: Record<string, string | string[]>,
  timeoutMs: number,
): Promise<RspamdReply> {
  let url: URL;
  try {
    url = new URL(path, base.endsWith("/") ? base : base + "/");
  } catch (cause) {
    return Promise.reject(new FilterUnavailableError("rspamd", `invalid URL ${JSON.stringify(base)}`, { cause }));
  }
  const protocol = url.protocol as keyof typeof agents;
  if (!(protocol in agents)) {
    return Promise.reject(new FilterUnavailableError("rspamd", `unsupported protocol ${url.protocol} in ${base}`));
  }
  // One deadline for the whole exchange (connect, upload, scan, answer, a retry), not per event.
  const deadline = Date.now() + timeoutMs;
  return attempt({ url, transport: protocol === "https:" ? https : http, agent: agents[protocol], bytes, headers, timeoutMs, deadline }, true);
}

type Attempt = {
  url: URL;
  transport: typeof http | typeof https;
  agent: http.Agent;
  bytes: Buffer;
  headers: Record<string, string | string[]>;
  timeoutMs: number;
  deadline: number;
};

function attempt(a: Attempt, mayRetry: boolean): Promise<RspamdReply> {
  const where = `${a.url.origin}${a.url.pathname}`;
  return new Promise<RspamdReply>((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
    };
    const fail = (message: string, cause?: unknown) => {
      if (settled) return;
      finish();
      req.destroy();
      reject(new FilterUnavailableError("rspamd", message, { cause }));
    };
    const timer = setTimeout(() => fail(`no answer from ${where} within ${a.timeoutMs} ms`), Math.max(0, a.deadline - Date.now()));
    const req = a.transport.request(
      a.url,
      { method: "POST", agent: a.agent, headers: { ...a.headers, "Content-Length": String(a.bytes.length) } },
      (res) => {
        if (res.statusCode === 204) {
          // rspamd puts its reason in the status line of a 204 and then sends a body anyway,
          // which node's parser rejects right after this callback: answer now, ignore the rest.
          finish();
          res.resume();
          req.on("error", () => {});
          resolve({ status: 204, body: res.statusMessage ?? "" });
          return;
        }
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (e) => fail(`reading the answer from ${where} failed: ${e.message}`, e));
        res.on("end", () => {
          if (settled) return;
          finish();
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => {
      // rspamd may close an idle kept-alive connection just as a request reuses it: that request
      // is retried once on a new connection (a scan or a learn is safe to repeat).
      if (mayRetry && !settled && req.reusedSocket && (e.code === "ECONNRESET" || e.code === "EPIPE") && Date.now() < a.deadline) {
        finish();
        resolve(attempt(a, false));
        return;
      }
      fail(`${where}: ${e.message}`, e);
    });
    req.end(a.bytes);
  });
}
