import { z } from "zod";

export const ZDomainId = z.string({ message: "Choose a domain" }).trim().min(1, "Choose a domain").max(191, "Not a domain id");

/** A customer's request about one of their domains: no tenant field (ctx.tenantId is used). */
export const ZDomainIdRequest = z.object({ domainId: ZDomainId });
export type TDomainIdRequest = z.infer<typeof ZDomainIdRequest>;
