import type { Dayjs } from "dayjs";
import type { TMailLogRequest } from "@/server/mail/log/mail-log-filters";

/** What the filter bar holds; the date range is whole days in the browser's zone. */
export type MailLogFormValues = {
  type?: "outbound" | "inbound";
  status?: NonNullable<TMailLogRequest["status"]>;
  sender?: string;
  recipient?: string;
  subject?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

export type MailLogSearch = Omit<TMailLogRequest, "cursor">;

/** Form values → the search's filters: days become the instants that start and end them; empty fields are dropped. */
export function toMailLogSearch(values: MailLogFormValues): MailLogSearch {
  const [start, end] = values.range ?? [];
  const search: MailLogSearch = {
    type: values.type,
    status: values.status,
    sender: values.sender?.trim() || undefined,
    recipient: values.recipient?.trim() || undefined,
    subject: values.subject?.trim() || undefined,
    from: start ? start.startOf("day").toISOString() : undefined,
    to: end ? end.endOf("day").toISOString() : undefined,
  };
  for (const key of Object.keys(search) as (keyof MailLogSearch)[]) if (search[key] === undefined) delete search[key];
  return search;
}

/**
 * Days the range picker offers: none in the future, none before the retention period, and a
 * range of at most `days` days (the server refuses longer ones).
 */
export function isDayDisabled(day: Dayjs, today: Dayjs, days: number, firstPicked?: Dayjs | null): boolean {
  if (day.isAfter(today, "day") || day.isBefore(today.subtract(days, "day"), "day")) return true;
  return !!firstPicked && Math.abs(day.startOf("day").diff(firstPicked.startOf("day"), "day")) >= days;
}
