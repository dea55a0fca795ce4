import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { logger } from "@/server/shared/logger";
import { bearerMatches } from "./bearer-token";
import { processRegistry } from "./process-registry";
import { EXPOSITION_CONTENT_TYPE, type Registry } from "./registry";

// GET /metrics of a process without a web server of its own (the mail engine, the workers),
// protected by METRICS_TOKEN like the portal's /api/metrics. Plain node:http on its own port: the
// engine never imports Next.js, and a scrape must not share a socket with SMTP.

const log = logger("monitoring.metrics");

export type MetricsServerOptions = { host: string; port: number; token: string; registry?: Registry; process: string };
export type RunningMetricsServer = { port: number; close(): Promise<void> };

export function metricsServer(opts: MetricsServerOptions): Server {
  const registry = opts.registry ?? processRegistry();
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics") return void res.writeHead(404, { "content-type": "text/plain" }).end("not found: the metrics are at /metrics\n");
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("method not allowed\n");
    if (!bearerMatches(req.headers.authorization, opts.token)) {
      return void res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"', "content-type": "text/plain" }).end("unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n");
    }
    res.writeHead(200, { "content-type": EXPOSITION_CONTENT_TYPE, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : registry.expose());
  });
}

/** Listens on host:port (0 = any free port, for tests); resolves with the bound port. */
export function startMetricsServer(opts: MetricsServerOptions): Promise<RunningMetricsServer> {
  const server = metricsServer(opts);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      log.info("metrics endpoint listening", { process: opts.process, url: `http://${opts.host}:${port}/metrics` });
      resolve({ port, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

/**
 * A process's endpoint as configured: off when the port is 0 or METRICS_TOKEN is unset (an
 * endpoint nobody may read is no use), and a port in use is logged rather than fatal — the
 * metrics must never keep the mail engine or the workers from running.
 */
export async function serveProcessMetrics(name: string, host: string, port: number, token: string | undefined): Promise<RunningMetricsServer | null> {
  if (port === 0) return null;
  if (!token) {
    log.info("metrics endpoint off: METRICS_TOKEN is not set", { process: name });
    return null;
  }
  try {
    return await startMetricsServer({ host, port, token, process: name });
  } catch (e) {
    log.warn("metrics endpoint could not listen; running without it", { process: name, host, port, error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}
