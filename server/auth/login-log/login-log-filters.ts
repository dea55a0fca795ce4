import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client.ts";
import { LoginChannel, LoginResult } from "@/server/generated/prisma/enums.ts";
import { optionalIsoInstant, optionalText } from "@/server/shared/filter-fields";
import { DomainError, say } from "@/server/shared/errors";
import { likeLiteral } from "@/server/shared/like-literal";

// The login log's filters, shared by the list, the CSV export request and the export job (which
// re-reads them from AuditExport.filters), so all three mean the same thing.

export const LOGIN_CHANNELS = Object.values(LoginChannel);
export const LOGIN_RESULTS = Object.values(LoginResult);

export const ZLoginLogFilters = z.object({
  from: optionalIsoInstant,
  to: optionalIsoInstant,
  /** A substring of the account's e-mail or mailbox address (any case). */
  account: optionalText(254),
  /** An exact address, or the start of one ("203.0.113."), as the IP column shows it. */
  ip: optionalText(45),
  channel: z.enum(LOGIN_CHANNELS, { message: `expected one of ${LOGIN_CHANNELS.join(", ")}` }).optional(),
  result: z.enum(LOGIN_RESULTS, { message: `expected one of ${LOGIN_RESULTS.join(", ")}` }).optional(),
  /** Only successes from a network the account had not used before. */
  newNetworkOnly: z.boolean({ message: "expected true or false" }).optional(),
});

/** Operators may also narrow to one tenant; a tenant admin's scope is forced, whatever they send. */
export const ZOperatorLoginLogFilters = ZLoginLogFilters.extend({ tenantId: optionalText(191) });
export type TLoginLogFilters = Partial<z.infer<typeof ZOperatorLoginLogFilters>>;

const FILTER_KEYS = ["from", "to", "account", "ip", "channel", "result", "newNetworkOnly", "tenantId"] as const satisfies readonly (keyof TLoginLogFilters)[];

/** Only the filter fields that are set (no paging, request ids…), so they can be stored as JSON. */
export function pickLoginLogFilters(input: TLoginLogFilters): TLoginLogFilters {
  const picked: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (input[key] !== undefined && input[key] !== false) picked[key] = input[key];
  return picked as TLoginLogFilters;
}

/** zod cannot compare two fields of an object it later extends, so the range is checked here. */
export function assertLoginLogRange(filters: Pick<TLoginLogFilters, "from" | "to">): void {
  if (filters.from && filters.to && new Date(filters.to) < new Date(filters.from)) {
    throw new DomainError("BAD_INPUT", say("The end of the time range is before its start", "时间范围的结束早于开始"), {
      to: [say("must not be before the start of the range", "不能早于开始时间")],
    });
  }
}

/**
 * The WHERE clause for a set of filters. `scopeTenantId` is the caller's forced scope: when set
 * (a tenant admin), it replaces whatever tenant filter came in, so no input can widen it; staff
 * sign-ins (no tenant) are then never in reach.
 */
export function loginLogWhere(filters: TLoginLogFilters, scopeTenantId: string | null): Prisma.LoginEventWhereInput {
  const and: Prisma.LoginEventWhereInput[] = [];
  const tenantId = scopeTenantId ?? filters.tenantId;
  if (tenantId) and.push({ tenantId });
  if (filters.from) and.push({ occurredAt: { gte: new Date(filters.from) } });
  if (filters.to) and.push({ occurredAt: { lte: new Date(filters.to) } });
  if (filters.account) and.push({ email: { contains: likeLiteral(filters.account) } });
  if (filters.ip) and.push({ ip: { startsWith: filters.ip } });
  if (filters.channel) and.push({ channel: filters.channel });
  if (filters.result) and.push({ result: filters.result });
  if (filters.newNetworkOnly) and.push({ newNetwork: true, result: "success" });
  return { AND: and };
}
