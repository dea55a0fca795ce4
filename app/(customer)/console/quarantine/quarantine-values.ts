import type { Dayjs } from "dayjs";
import type { TQuarantineListRequest } from "@/server/mail/quarantine/quarantine.types";

/** What the filter bar holds; the date range is whole days in the browser's zone. */
export type QuarantineFormValues = {
  state?: "held" | "released";
  kind?: "spam" | "virus" | "dmarc";
  sender?: string;
  recipient?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

export type QuarantineSearch = Omit<TQuarantineListRequest, "cursor">;

/** Form values → the list's filters: days become the instants that start and end them; empty fields are dropped. */
export function toQuarantineSearch(values: QuarantineFormValues): QuarantineSearch {
  const [start, end] = values.range ?? [];
  const search: QuarantineSearch = {
    state: values.state ?? "held",
    kind: values.kind,
    sender: values.sender?.trim() || undefined,
    recipient: values.recipient?.trim() || undefined,
    from: start ? start.startOf("day").toISOString() : undefined,
    to: end ? end.endOf("day").toISOString() : undefined,
  };
  for (const key of Object.keys(search) as (keyof QuarantineSearch)[]) if (search[key] === undefined) delete search[key];
  return search;
}
