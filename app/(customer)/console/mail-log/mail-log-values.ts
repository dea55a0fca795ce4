import type { Dayjs } from "dayjs";
import type { TMailLogRequest } from "@/server/mail/log/mail-log-filters";
import { dayRangeBounds, definedOnly, type DayRange } from "@/app/_components/search-values";

/** What the filter bar holds; the date range is whole days in the browser's zone. */
export type MailLogFormValues = {
  type?: "outbound" | "inbound";
  status?: NonNullable<TMailLogRequest["status"]>;
  sender?: string;
  recipient?: string;
  subject?: string;
  range?: DayRange;
};

export type MailLogSearch = Omit<TMailLogRequest, "cursor">;

/** Form values → the search's filters: days become the instants that start and end them; empty fields are dropped. */
export function toMailLogSearch(values: MailLogFormValues): MailLogSearch {
  return definedOnly<MailLogSearch>({
    type: values.type,
    status: values.status,
    sender: values.sender?.trim() || undefined,
    recipient: values.recipient?.trim() || undefined,
    subject: values.subject?.trim() || undefined,
    ...dayRangeBounds(values.range),
  });
}

/**
 * Days the range picker offers: none in the future, none before the retention period, and a
 * range of at most `days` days (the server refuses longer ones).
 */
export function isDayDisabled(day: Dayjs, today: Dayjs, days: number, firstPicked?: Dayjs | null): boolean {
  if (day.isAfter(today, "day") || day.isBefore(today.subtract(days, "day"), "day")) return true;
  return !!firstPicked && Math.abs(day.startOf("day").diff(firstPicked.startOf("day"), "day")) >= days;
}
