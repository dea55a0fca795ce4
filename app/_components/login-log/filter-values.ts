import type { TLoginLogFilters } from "@/server/auth/login-log/login-log-filters";
import { dayRangeBounds, definedOnly, type DayRange } from "@/app/_components/search-values";

/** What the filter form holds; the time range is whole days in the browser's zone. */
export type LoginLogFormValues = {
  account?: string;
  ip?: string;
  tenantId?: string;
  range?: DayRange;
  channel?: TLoginLogFilters["channel"];
  result?: TLoginLogFilters["result"];
  newNetworkOnly?: boolean;
};

/** Form values → the API's filters: days become the instants that start and end them. */
export function toLoginLogFilters(values: LoginLogFormValues, withTenant: boolean): TLoginLogFilters {
  return definedOnly({
    account: values.account?.trim() || undefined,
    ip: values.ip?.trim() || undefined,
    tenantId: withTenant ? values.tenantId?.trim() || undefined : undefined,
    ...dayRangeBounds(values.range),
    channel: values.channel,
    result: values.result,
    newNetworkOnly: values.newNetworkOnly || undefined,
  });
}
