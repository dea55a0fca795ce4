import { z } from "zod";

const NAME_MESSAGE = "Enter a domain name, e.g. example.com";

/** As typed; normaliseDomainName (rules/domain-name.ts) says precisely what is wrong with it. */
export const ZDomainNameInput = z.string({ message: NAME_MESSAGE }).max(1_000, "A domain name may have at most 253 characters");

export const ZAddDomainRequest = z.object({ name: ZDomainNameInput });
export type TAddDomainRequest = z.infer<typeof ZAddDomainRequest>;

/** Without a subscription (or when its plan says nothing else) a tenant may bind this many domains. */
export const DEFAULT_DOMAINS_PER_TENANT = 5;
