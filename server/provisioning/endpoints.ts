import { listCatalogue } from "@/server/billing/plans/list-catalogue";
import { suspendTenant } from "@/server/billing/lifecycle/suspend-tenant";
import { terminateTenant } from "@/server/billing/lifecycle/terminate-tenant";
import { unsuspendTenant } from "@/server/billing/lifecycle/unsuspend-tenant";
import type { TTenantActionRequest } from "@/server/billing/lifecycle/tenant-action.types";
import type { TenantLifecycleView } from "@/server/billing/lifecycle/tenant-lifecycle-view";
import type { AuditActor } from "@/server/audit/record-audit";
import { notFound } from "@/server/shared/errors";
import type { ApiPrincipal } from "./http/authenticate";
import { defineEndpoint, type Endpoint } from "./http/endpoint";
import {
  ZApiLifecycle,
  ZApiTenant,
  ZChangePlanBody,
  ZChangePlanResult,
  ZCreatedTenant,
  ZCreateTenantBody,
  ZLifecycleBody,
  ZListTenantsQuery,
  ZPlanList,
  ZTenantIdParam,
  ZTenantPage,
  ZTenantUsage,
} from "./tenants/api-tenant.types";
import { changeTenantPlan } from "./tenants/change-tenant-plan";
import { createApiTenant } from "./tenants/create-api-tenant";
import { getTenantUsage } from "./tenants/get-tenant-usage";
import { listApiTenants } from "./tenants/list-api-tenants";
import { readApiTenant } from "./tenants/read-api-tenants";
import { reachTenant } from "./tenants/reach-tenant";

// The provisioning API's operations (docs/api.md): each names its path, permission, input and
// answer, and calls the portal's own use cases. app/api/v1/**/route.ts serve them, openapi.ts
// describes them; a test checks the two agree.

/** The path's tenant, once the key is allowed to reach it; a malformed id is as unknown as a missing one. */
async function tenantOf(principal: ApiPrincipal, params: Record<string, string>): Promise<string> {
  const parsed = ZTenantIdParam.safeParse(params.id);
  if (!parsed.success) throw notFound("Tenant");
  await reachTenant(principal, parsed.data);
  return parsed.data;
}

const lifecycle = (
  operationId: string,
  action: string,
  whmcs: string,
  summary: string,
  act: (actor: AuditActor, input: TTenantActionRequest) => Promise<TenantLifecycleView>,
) =>
  defineEndpoint({
    method: "POST",
    path: `/tenants/{id}/${action}`,
    operationId,
    summary,
    whmcs,
    scope: "tenants:lifecycle",
    operatorOnly: true,
    body: ZLifecycleBody,
    response: ZApiLifecycle,
    status: 200,
    run: async ({ principal, params, body }) => act(principal.actor, { tenantId: await tenantOf(principal, params), reason: body.reason }),
  });

export const listTenantsEndpoint = defineEndpoint({
  method: "GET",
  path: "/tenants",
  operationId: "listTenants",
  summary: "List the tenants the key reaches, a page at a time",
  scope: "tenants:read",
  query: ZListTenantsQuery,
  response: ZTenantPage,
  status: 200,
  run: ({ principal, query }) => listApiTenants(principal, query),
});

export const createTenantEndpoint = defineEndpoint({
  method: "POST",
  path: "/tenants",
  operationId: "createTenant",
  summary: "Open a tenant with its invited administrator",
  description:
    "A reseller key opens a client of its reseller (or, with resellerId, of one of its sub-resellers). An operator key opens a client of the reseller named by resellerId, or a direct customer of the platform without it.",
  whmcs: "CreateAccount",
  scope: "tenants:write",
  body: ZCreateTenantBody,
  response: ZCreatedTenant,
  status: 201,
  run: ({ principal, body, requestId }) => createApiTenant(principal, body, requestId!),
});

export const getTenantEndpoint = defineEndpoint({
  method: "GET",
  path: "/tenants/{id}",
  operationId: "getTenant",
  summary: "One tenant: status, administrator, subscription",
  scope: "tenants:read",
  response: ZApiTenant,
  status: 200,
  run: async ({ principal, params }) => readApiTenant(await tenantOf(principal, params)),
});

export const suspendTenantEndpoint = lifecycle("suspendTenant", "suspend", "SuspendAccount", "Suspend a tenant (paying does not lift it)", suspendTenant);
export const unsuspendTenantEndpoint = lifecycle("unsuspendTenant", "unsuspend", "UnsuspendAccount", "Lift a suspension made through the API or by an operator", unsuspendTenant);
export const terminateTenantEndpoint = lifecycle("terminateTenant", "terminate", "TerminateAccount", "Terminate a suspended tenant: frozen 7 days, then purged", terminateTenant);

export const changePlanEndpoint = defineEndpoint({
  method: "POST",
  path: "/tenants/{id}/plan",
  operationId: "changeTenantPlan",
  summary: "Change seats and/or plan",
  description:
    "With a paid subscription the change is scheduled for the 1st of next month (kind=resize); without one an order for the plan is opened (kind=order), paid by bank transfer or, for a reseller key, on the reseller's account.",
  whmcs: "ChangePackage",
  scope: "tenants:write",
  body: ZChangePlanBody,
  response: ZChangePlanResult,
  status: 200,
  run: async ({ principal, params, body, requestId }) => changeTenantPlan(principal, await tenantOf(principal, params), body, requestId!),
});

export const tenantUsageEndpoint = defineEndpoint({
  method: "GET",
  path: "/tenants/{id}/usage",
  operationId: "getTenantUsage",
  summary: "Seats, mailboxes, domains and storage in use",
  whmcs: "UsageUpdate",
  scope: "usage:read",
  response: ZTenantUsage,
  status: 200,
  run: async ({ principal, params }) => getTenantUsage(await tenantOf(principal, params)),
});

export const listPlansEndpoint = defineEndpoint({
  method: "GET",
  path: "/plans",
  operationId: "listPlans",
  summary: "The plans on sale (prices in integer fen per seat-year)",
  scope: null,
  response: ZPlanList,
  status: 200,
  run: async () => ({ items: await listCatalogue() }),
});

/** Every operation, in the document's order. */
export const ENDPOINTS: readonly Endpoint[] = [
  listTenantsEndpoint,
  createTenantEndpoint,
  getTenantEndpoint,
  suspendTenantEndpoint,
  unsuspendTenantEndpoint,
  terminateTenantEndpoint,
  changePlanEndpoint,
  tenantUsageEndpoint,
  listPlansEndpoint,
] as unknown as readonly Endpoint[];
