import { routeOf } from "@/server/provisioning/http/endpoint";
import { listTenantsEndpoint, createTenantEndpoint } from "@/server/provisioning/endpoints";

export const dynamic = "force-dynamic";

// GET: list the tenants the key reaches (paged). POST: CreateAccount.
export const GET = routeOf(listTenantsEndpoint);
export const POST = routeOf(createTenantEndpoint);
