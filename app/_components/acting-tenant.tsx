"use client";

import { createContext, useContext, type ReactNode } from "react";
import { TrpcProvider } from "@/app/_trpc/client";
import { ACTING_TENANT_HEADER } from "@/server/trpc/acting-tenant-header";

/** Set inside a reseller's client pages: the client tenant the reseller is acting for. */
export const ActingTenantContext = createContext<{ tenantId: string } | null>(null);

/** The client tenant a reseller acts for on this page, or null on the tenant's own console. */
export function useActingTenant() {
  return useContext(ActingTenantContext);
}

/**
 * Where the client's own pages (billing, domains, SLA) live for this reader: the tenant's
 * console, or the reseller's pages for that client. Links inside those pages start here.
 */
export function useConsoleBase(): string {
  const acting = useActingTenant();
  return acting ? `/reseller/clients/${acting.tenantId}` : "/console";
}

/**
 * Wraps the customer's own page components for a reseller acting for a client: their tRPC calls
 * carry the client's id (the server checks it against the reseller's tree on every call), and
 * their links stay under /reseller/clients/<id>.
 */
export function ActingTenantProvider({ tenantId, children }: { tenantId: string; children: ReactNode }) {
  return (
    <ActingTenantContext.Provider value={{ tenantId }}>
      <TrpcProvider headers={{ [ACTING_TENANT_HEADER]: tenantId }}>{children}</TrpcProvider>
    </ActingTenantContext.Provider>
  );
}
