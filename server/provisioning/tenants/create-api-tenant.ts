import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { createClient } from "@/server/resellers/clients/create-client";
import type { ApiPrincipal } from "../http/authenticate";
import type { TCreateTenantBody } from "./api-tenant.types";
import { createDirectTenant } from "./create-direct-tenant";
import { readApiTenant } from "./read-api-tenants";

/**
 * CreateAccount. A reseller key opens a client of its reseller (or of one of its sub-resellers)
 * through the portal's own createClient; an operator key opens a client of the named reseller the
 * same way, or a direct customer of the platform when no reseller is named.
 */
export async function createApiTenant(principal: ApiPrincipal, body: TCreateTenantBody, requestId: string) {
  const { resellerId, ...company } = body;
  let created: { tenantId: string; invitationSent: boolean };
  if (principal.resellerId) {
    const subResellerId = resellerId && resellerId !== principal.resellerId ? resellerId : null;
    created = await createClient(principal.actor, principal.resellerId, { ...company, subResellerId, idempotencyKey: requestId });
  } else if (resellerId) {
    if (!(await db.reseller.findUnique({ where: { id: resellerId }, select: { id: true } }))) {
      const text = say("No reseller has this id", "没有此编号的经销商");
      throw new DomainError("BAD_INPUT", text, { resellerId: [text] });
    }
    created = await createClient(principal.actor, resellerId, { ...company, idempotencyKey: requestId });
  } else {
    created = await createDirectTenant(principal.actor, company, requestId);
  }
  return { tenant: await readApiTenant(created.tenantId), invitationSent: created.invitationSent };
}
