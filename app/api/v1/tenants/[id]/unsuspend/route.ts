import { routeOf } from "@/server/provisioning/http/endpoint";
import { unsuspendTenantEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// UnsuspendAccount.
export const POST = routeOf(unsuspendTenantEndpoint);
