/** The header a reseller's client pages send with the client tenant they act for (see clientProcedure). */
export const ACTING_TENANT_HEADER = "x-acting-tenant";
