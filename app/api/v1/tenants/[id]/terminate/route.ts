import { routeOf } from "@/server/provisioning/http/endpoint";
import { terminateTenantEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// TerminateAccount.
export const POST = routeOf(terminateTenantEndpoint);
