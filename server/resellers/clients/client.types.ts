import { z } from "zod";

export const ZTenantId = z.string({ message: "Choose a client" }).trim().min(1, "Choose a client").max(191, "Not a client id");
export const ZResellerId = z.string({ message: "Choose a reseller" }).trim().min(1, "Choose a reseller").max(191, "Not a reseller id");

/** One client tenant of the caller's tree. */
export const ZClientTenantRequest = z.object({ tenantId: ZTenantId });
export type TClientTenantRequest = z.infer<typeof ZClientTenantRequest>;

/** Where the client's admin account stands: invited (link not used yet), active or disabled; null without an admin. */
export type AdminState = "invited" | "active" | "disabled";
