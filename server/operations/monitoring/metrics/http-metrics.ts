import { processRegistry } from "./process-registry";

// The portal's HTTP metrics, taken in scripts/portal-server.ts around every request. The route
// label is one of a fixed list of areas, never the path itself: ids in paths would make a new
// series per mailbox or order, and Prometheus keeps every series it ever saw.

const AREAS = [
  "/api/trpc",
  "/api/v1",
  "/api/auth",
  "/api/health",
  "/api/metrics",
  "/api/stripe",
  "/_next",
  "/ops",
  "/console",
  "/reseller",
  "/mailbox",
  "/status",
  "/signin",
] as const;

/** The bounded area of a request path: one of AREAS, "/" for the home, "/api" or "other" for the rest. */
export function routeLabel(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!.split("#")[0]!;
  if (path === "/") return "/";
  const area = AREAS.find((a) => path === a || path.startsWith(`${a}/`));
  if (area) return area;
  return path.startsWith("/api/") ? "/api" : "other";
}

/** "2xx", "4xx", …: the status class keeps the label's values few. */
export const statusClass = (status: number): string => (status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other");

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export const httpMetrics = {
  requests: () =>
    processRegistry().counter("mailstead_http_requests_total", "Portal HTTP requests, by method, status class and route area.", ["method", "status", "route"]),
  seconds: () =>
    processRegistry().histogram("mailstead_http_request_duration_seconds", "Portal HTTP request duration until the response ended, by method and route area.", ["method", "route"]),
};

/** Records one finished request; `startedAt` is performance.now() at its start. */
export function observeHttpRequest(method: string | undefined, url: string | undefined, status: number, startedAt: number): void {
  const m = (method ?? "").toUpperCase();
  const labels = { method: KNOWN_METHODS.has(m) ? m : "other", route: routeLabel(url) };
  httpMetrics.requests().inc({ ...labels, status: statusClass(status) });
  httpMetrics.seconds().observe(labels, (performance.now() - startedAt) / 1000);
}
