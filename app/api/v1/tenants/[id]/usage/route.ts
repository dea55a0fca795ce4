import { routeOf } from "@/server/provisioning/http/endpoint";
import { tenantUsageEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// UsageUpdate.
export const GET = routeOf(tenantUsageEndpoint);
