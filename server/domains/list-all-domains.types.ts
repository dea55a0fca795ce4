import { z } from "zod";
import { ZPaging } from "@/server/billing/ledger/list-ledger-entries.types";
import type { DomainView } from "./domain-view";

export const ZListAllDomainsRequest = ZPaging.extend({
  /** Part of the domain (ASCII or Unicode form) or of the tenant's name, any case. */
  search: z.string({ message: "Search for part of a domain or tenant name" }).trim().max(253, "Search for at most 253 characters").optional(),
});
export type TListAllDomainsRequest = z.infer<typeof ZListAllDomainsRequest>;

export type AllDomainsRow = DomainView & { tenantId: string; tenantName: string };
export type TListAllDomainsResponse = { rows: AllDomainsRow[]; total: number; page: number; pageSize: number };
