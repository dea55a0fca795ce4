import type { TQuarantineListRequest } from "@/server/mail/quarantine/quarantine.types";
import { dayRangeBounds, definedOnly, type DayRange } from "@/app/_components/search-values";

/** What the filter bar holds; the date range is whole days in the browser's zone. */
export type QuarantineFormValues = {
  state?: "held" | "released";
  kind?: "spam" | "virus" | "dmarc";
  sender?: string;
  recipient?: string;
  range?: DayRange;
};

export type QuarantineSearch = Omit<TQuarantineListRequest, "cursor">;

/** Form values → the list's filters: days become the instants that start and end them; empty fields are dropped. */
export function toQuarantineSearch(values: QuarantineFormValues): QuarantineSearch {
  return definedOnly<QuarantineSearch>({
    state: values.state ?? "held",
    kind: values.kind,
    sender: values.sender?.trim() || undefined,
    recipient: values.recipient?.trim() || undefined,
    ...dayRangeBounds(values.range),
  });
}
