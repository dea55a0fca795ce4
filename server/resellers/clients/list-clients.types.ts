import { z } from "zod";
import type { ClientRow, ResellerOption } from "./client-row.types";

export const CLIENT_SORTS = ["name", "createdAt", "seats", "balance", "paidThrough", "problems"] as const;
export const CLIENT_STATUSES = ["active", "suspended", "frozen"] as const;

/** The dashboard's filters; the CSV export takes the same ones from its query string. */
export const ZListClientsRequest = z.object({
  /** Part of the client's name, any case. */
  search: z.string({ message: "Search for part of a client's name" }).trim().max(120, "Search for at most 120 characters").optional(),
  status: z.enum(CLIENT_STATUSES, { message: `Status is one of ${CLIENT_STATUSES.join(", ")}` }).optional(),
  /** "self" for the caller's own clients, or one of its sub-resellers' id. */
  owner: z.string({ message: "Choose whose clients to show" }).trim().min(1, "Choose whose clients to show").max(191, "Not a reseller id").optional(),
  /** Only clients with a problem domain, an SLA breach last month or a low balance. */
  hasProblems: z.boolean({ message: "hasProblems is true or false" }).optional(),
  sort: z.enum(CLIENT_SORTS, { message: `Sort by one of ${CLIENT_SORTS.join(", ")}` }).default("name"),
  direction: z.enum(["asc", "desc"], { message: "The direction is asc or desc" }).default("asc"),
});
export type TListClientsRequest = z.infer<typeof ZListClientsRequest>;

export type ClientTotals = { clients: number; seats: number; balance: number };

export type ClientSummary = ClientTotals & {
  withProblems: number;
  byStatus: Record<(typeof CLIENT_STATUSES)[number], number>;
};

export type ClientList = {
  rows: ClientRow[];
  /** Of the rows shown (after the filters). */
  totals: ClientTotals;
  /** Of the whole tree, for the dashboard's cards and chart whatever the filters. */
  summary: ClientSummary;
  /** The caller and its sub-resellers, for the owner filter and the new-client form. */
  resellers: ResellerOption[];
};
