import { z } from "zod";
import { ZIdempotencyKey } from "@/server/billing/orders/create-order.types";
import { ZResellerId, ZTenantId } from "./client.types";

export const ZMoveTenantRequest = z.object({
  tenantId: ZTenantId,
  /** The reseller to move the tenant to; null makes it a direct customer of the platform. */
  toResellerId: ZResellerId.nullable(),
  reason: z.string({ message: "Give the reason for the move" }).trim().min(1, "Give the reason for the move").max(500, "At most 500 characters"),
  idempotencyKey: ZIdempotencyKey,
});
export type TMoveTenantRequest = z.infer<typeof ZMoveTenantRequest>;

export type MovedTenant = { tenantId: string; fromResellerId: string | null; toResellerId: string | null; moved: boolean };

export const ZSearchTenantsRequest = z.object({
  search: z.string({ message: "Search for part of a tenant's name" }).trim().max(120, "Search for at most 120 characters").default(""),
});
export type TSearchTenantsRequest = z.infer<typeof ZSearchTenantsRequest>;

export const ZResellerClientsRequest = z.object({ resellerId: ZResellerId });
