import { z } from "zod";
import { ZDomainIdRequest } from "../get-domain.types";

export const ZRotateDkimKeyRequest = ZDomainIdRequest;
export type TRotateDkimKeyRequest = z.infer<typeof ZRotateDkimKeyRequest>;

export const ZRetireDkimKeyRequest = z.object({
  keyId: z.string({ message: "Choose a DKIM key" }).trim().min(1, "Choose a DKIM key").max(191, "Not a DKIM key id"),
});
export type TRetireDkimKeyRequest = z.infer<typeof ZRetireDkimKeyRequest>;
