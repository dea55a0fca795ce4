import { env } from "@/server/shared/env";
import { bearerMatches } from "./metrics/bearer-token";
import { processRegistry } from "./metrics/process-registry";
import { EXPOSITION_CONTENT_TYPE } from "./metrics/registry";
import { platformGauges } from "./platform-gauges";

// GET /api/metrics (app/api/metrics/route.ts): the portal process's own counters (HTTP requests,
// measured in scripts/portal-server.ts) and the platform's gauges. Unset METRICS_TOKEN → 404 with
// a sentence saying so: the endpoint does not exist until someone configures who may read it
// (and a 404 never looks like an outage to a scraper's alerting, where a 503 would).

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

export async function metricsResponse(req: Request, token = env().METRICS_TOKEN): Promise<Response> {
  if (!token) return text(404, "metrics are off: set METRICS_TOKEN (docs/monitoring.md)\n");
  if (!bearerMatches(req.headers.get("authorization"), token)) {
    return text(401, "unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n", { "www-authenticate": 'Bearer realm="metrics"' });
  }
  const body = processRegistry().expose() + (await platformGauges());
  return text(200, body, { "content-type": EXPOSITION_CONTENT_TYPE });
}
