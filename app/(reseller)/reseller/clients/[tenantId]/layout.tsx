import type { ReactNode } from "react";
import { connection } from "next/server";
import { forbidden, notFound } from "next/navigation";
import { requirePortalUser } from "@/app/_lib/portal-user";
import { loadActingClient, type ActingClient } from "@/server/resellers/load-acting-client";
import { DomainError } from "@/server/shared/errors";
import { ActingTenantProvider } from "@/app/_components/acting-tenant";
import { ClientHeader } from "./client-header";

async function clientOrNotFound(resellerId: string, tenantId: string): Promise<ActingClient> {
  try {
    return await loadActingClient(resellerId, tenantId);
  } catch (e) {
    // Outside the reseller's tree looks exactly like a tenant that does not exist.
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/**
 * /reseller/clients/<tenantId>/…: a reseller acting for one client. The client's own pages
 * (billing, domains, SLA) render inside ActingTenantProvider, so every call they make names the
 * client and is checked against the reseller's tree on the server.
 */
export default async function ActingClientLayout({ children, params }: { children: ReactNode; params: Promise<{ tenantId: string }> }) {
  await connection();
  const user = await requirePortalUser("reseller");
  if (!user.resellerId) forbidden();
  const { tenantId } = await params;
  const client = await clientOrNotFound(user.resellerId, tenantId);
  return (
    <>
      <ClientHeader client={client} />
      <ActingTenantProvider tenantId={client.id}>{children}</ActingTenantProvider>
    </>
  );
}
