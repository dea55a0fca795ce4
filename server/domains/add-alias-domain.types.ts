import { z } from "zod";
import { ZDomainNameInput } from "./add-domain.types";
import { ZDomainId } from "./get-domain.types";

/** An alias domain of one of the caller's primary domains. */
export const ZAddAliasDomainRequest = z.object({ primaryId: ZDomainId, name: ZDomainNameInput });
export type TAddAliasDomainRequest = z.infer<typeof ZAddAliasDomainRequest>;
