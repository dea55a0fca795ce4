// The portal in production: Next.js behind a plain Node HTTP server, so the client's address comes
// from the socket. Next.js itself fills X-Forwarded-For only when the request has none, which would
// let any client choose the address that IP sign-in rules, lockout and the login log see. With no
// trusted proxy (TRUSTED_PROXY_HOPS=0) the header is replaced by the socket's address; behind
// proxies it is left as they appended it (server/shared/ip.ts reads it from the right).
import { createServer } from "node:http";
import next from "next";
import { observeHttpRequest } from "@/server/operations/monitoring/metrics/http-metrics";
import { env } from "@/server/shared/env";
import { stampClientAddress } from "@/server/shared/stamp-client-address";

const port = Number(process.argv[process.argv.indexOf("-p") + 1] || env().PORT);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  // Request counts and latency for /api/metrics: "close" also covers a client that left early.
  const startedAt = performance.now();
  res.once("close", () => observeHttpRequest(req.method, req.url, res.statusCode, startedAt));
  stampClientAddress(req.headers, req.socket.remoteAddress, env().TRUSTED_PROXY_HOPS);
  void handle(req, res);
});
server.listen(port, () => console.log(`[portal] ready on http://localhost:${port}`));

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
