import { z } from "zod";
import { ZOperatorLoginLogFilters, type TLoginLogFilters } from "./login-log-filters";
import type { LoginLogRow } from "./login-log-row";

export const LOGIN_LOG_MAX_PAGE_SIZE = 100;

/** A list request: the filters (a tenant admin's tenantId is ignored) and the page. */
export const ZListLoginEventsRequest = ZOperatorLoginLogFilters.extend({
  page: z.int({ message: "expected a whole page number" }).min(1, "pages start at 1").max(100_000, "at most page 100000").default(1),
  pageSize: z
    .int({ message: "expected a whole number of rows" })
    .min(1, "at least 1 row per page")
    .max(LOGIN_LOG_MAX_PAGE_SIZE, `at most ${LOGIN_LOG_MAX_PAGE_SIZE} rows per page`)
    .default(20),
});
export type TListLoginEventsRequest = TLoginLogFilters & { page: number; pageSize: number };

export type TListLoginEventsResponse = { rows: LoginLogRow[]; total: number; page: number; pageSize: number };
