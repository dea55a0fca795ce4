import type { DomainView } from "./domain-view";

/** A tenant's domains, primaries and aliases alike, oldest first, with its plan's limit. */
export type TListDomainsResponse = { rows: DomainView[]; limit: number };
