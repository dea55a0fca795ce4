import { routeOf } from "@/server/provisioning/http/endpoint";
import { listPlansEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// The plans on sale.
export const GET = routeOf(listPlansEndpoint);
