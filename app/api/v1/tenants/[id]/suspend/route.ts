import { routeOf } from "@/server/provisioning/http/endpoint";
import { suspendTenantEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// SuspendAccount.
export const POST = routeOf(suspendTenantEndpoint);
