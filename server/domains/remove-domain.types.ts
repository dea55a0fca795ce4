import { ZDomainIdRequest } from "./get-domain.types";

export const ZRemoveDomainRequest = ZDomainIdRequest;
export type TRemoveDomainRequest = { domainId: string };
export type TRemoveDomainResponse = { removed: string };
