import { metricsResponse } from "@/server/operations/monitoring/metrics-response";

export const dynamic = "force-dynamic";

/** Prometheus scrapes this with Authorization: Bearer <METRICS_TOKEN> (docs/monitoring.md). */
export async function GET(req: Request) {
  return metricsResponse(req);
}
