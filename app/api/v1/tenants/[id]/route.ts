import { routeOf } from "@/server/provisioning/http/endpoint";
import { getTenantEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// GET: one tenant.
export const GET = routeOf(getTenantEndpoint);
