import type { Dayjs } from "dayjs";
import type { TAuditFilters } from "@/server/audit/audit-filters";

/** What the filter form holds; the date range is whole days in the browser's zone. */
export type FilterFormValues = {
  actor?: string;
  action?: string;
  tenantId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  result?: "success" | "failure";
};

/** Form values → the API's filters: days become the instants that start and end them. */
export function toAuditFilters(values: FilterFormValues, withTenant: boolean): TAuditFilters {
  const [start, end] = values.range ?? [];
  const filters: TAuditFilters = {
    actor: values.actor?.trim() || undefined,
    action: values.action?.trim() || undefined,
    tenantId: withTenant ? values.tenantId || undefined : undefined,
    from: start ? start.startOf("day").toISOString() : undefined,
    to: end ? end.endOf("day").toISOString() : undefined,
    result: values.result,
  };
  for (const key of Object.keys(filters) as (keyof TAuditFilters)[]) if (filters[key] === undefined) delete filters[key];
  return filters;
}
