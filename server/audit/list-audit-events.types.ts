import { z } from "zod";
import { ZAuditFilters, ZOperatorAuditFilters, type TAuditFilters } from "./audit-filters";
import type { AuditEventRow } from "./audit-rows";

export const MAX_PAGE_SIZE = 100;

const paging = {
  page: z
    .int({ message: "expected a whole page number" })
    .min(1, "pages start at 1")
    .max(100_000, "at most page 100000")
    .default(1),
  pageSize: z
    .int({ message: "expected a whole number of rows" })
    .min(1, "at least 1 row per page")
    .max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE} rows per page`)
    .default(20),
};

/** An operator's list request: every filter, tenant included. */
export const ZListAuditEventsRequest = ZOperatorAuditFilters.extend(paging);
export type TListAuditEventsRequest = TAuditFilters & { page: number; pageSize: number };

/** A tenant admin's list request: no tenant field (an extra one is stripped; the scope is forced anyway). */
export const ZListMyAuditEventsRequest = ZAuditFilters.extend(paging);

export type TListAuditEventsResponse = {
  rows: AuditEventRow[];
  total: number;
  page: number;
  pageSize: number;
};
