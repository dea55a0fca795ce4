import { z } from "zod";
import { optionalIsoInstant, optionalText } from "@/server/shared/filter-fields";
import { DeliveryStatus, MailDirection } from "@/server/generated/prisma/enums.ts";
import { DomainError, say, type Localized } from "@/server/shared/errors";
import { decodeCursor, type MailLogCursor } from "./mail-log-cursor";

// The delivery log's search request (收发信记录), shared by the tenant admin's search and the
// mailbox user's own lines, so both read the same filters the same way.

/** The longest range one search may cover: the retention period the log keeps (seed 000: 30 days). */
export const MAX_RANGE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;


/** The shape of a request; what zod cannot say in both languages is checked by checkMailLogRequest. */
export const ZMailLogRequest = z
  .object({
    /** A whole address (exact match). */
    sender: optionalText(254),
    recipient: optionalText(254),
    /** Part of the subject (contains). */
    subject: optionalText(255),
    status: z.enum(DeliveryStatus, { message: `expected one of ${Object.keys(DeliveryStatus).join(", ")}` }).optional(),
    /**
     * 邮件类型: 发信 (outbound) or 收信 (inbound). Not called `direction`: tRPC's infinite queries
     * add their own `direction` ("forward") to the input.
     */
    type: z.enum(MailDirection, { message: "expected outbound or inbound" }).optional(),
    from: optionalIsoInstant,
    to: optionalIsoInstant,
    /** The last page's nextCursor: the page after it. */
    cursor: optionalText(40),
  })
  // Inside, the filter is named after the column it tests.
  .transform(({ type, ...rest }) => ({ ...rest, direction: type }));

export type TMailLogRequest = z.input<typeof ZMailLogRequest>;
export type MailLogRequest = z.output<typeof ZMailLogRequest>;
export type MailLogFilters = Omit<MailLogRequest, "cursor"> & { cursor?: MailLogCursor };

/**
 * A whole address, matched exactly (case does not matter: the column's collation ignores it).
 * Exact, not prefix: `sender = ?` walks (tenantId, sender, receivedAt) already in time order,
 * where a prefix is a range over many senders whose rows must then be sorted by time, and a
 * short prefix ("a") would sort most of the tenant's log.
 */
const isWholeAddress = (v: string) => /^[^\s@]+@[^\s@]+$/.test(v);

const WHOLE_ADDRESS = say("enter a whole address such as zhang@example.com (the search matches the address exactly)", "请输入完整地址，如 zhang@example.com（按完整地址精确匹配）");

/**
 * The request's rules zod cannot word in both languages: whole addresses, a range that runs
 * forwards and spans at most MAX_RANGE_DAYS, a cursor this search wrote. BAD_INPUT with a
 * message on each field at fault; otherwise the filters with the cursor decoded.
 */
export function checkMailLogRequest(request: MailLogRequest): MailLogFilters {
  const problems: Record<string, Localized[]> = {};
  for (const field of ["sender", "recipient"] as const) {
    const v = request[field];
    if (v !== undefined && !isWholeAddress(v)) problems[field] = [WHOLE_ADDRESS];
  }
  if (request.from && request.to) {
    const span = Date.parse(request.to) - Date.parse(request.from);
    if (span < 0) problems.to = [say("the end of the date range is before its start", "结束日期早于开始日期")];
    else if (span > MAX_RANGE_DAYS * DAY_MS) problems.to = [say(`the date range may cover at most ${MAX_RANGE_DAYS} days`, `日期范围最长 ${MAX_RANGE_DAYS} 天`)];
  }
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
  if (cursor === null) problems.cursor = [say("not a cursor this search returned; start again from the first page", "分页位置无效，请从第一页重新搜索")];
  if (Object.keys(problems).length > 0) {
    throw new DomainError("BAD_INPUT", say("Some search filters are not valid", "部分搜索条件有误"), problems);
  }
  return { ...request, cursor: cursor ?? undefined };
}

/**
 * The instants a search covers: `from` no earlier than the retention edge (older lines are
 * being deleted, so showing some of them would be arbitrary), `to` open when not given.
 * Null when the range lies entirely before the edge: nothing can match.
 */
export function effectiveRange(filters: Pick<MailLogFilters, "from" | "to">, now: Date, retentionDays: number): { from: Date; to: Date | null } | null {
  const edge = new Date(now.getTime() - retentionDays * DAY_MS);
  const from = filters.from && Date.parse(filters.from) > edge.getTime() ? new Date(filters.from) : edge;
  const to = filters.to ? new Date(filters.to) : null;
  if (to && to < from) return null;
  return { from, to };
}
