import { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { clock } from "@/server/shared/clock";
import { notFound } from "@/server/shared/errors";
import { countsPerDay, type DayStat } from "./login-stats-days";

export const LOGIN_STATS_DAYS = 30;

export type TLoginLogStats = { timeZone: string; days: DayStat[] };

/**
 * Successes and failures per day for the chart, over the last 30 days of the scope: a tenant's
 * days in its own time zone, the whole platform's in the platform's. A second-factor prompt is
 * a step of a sign-in, not a failure, so it is left out of both bars.
 */
export async function loginLogStats(scopeTenantId: string | null, tenantFilter?: string): Promise<TLoginLogStats> {
  const tenantId = scopeTenantId ?? tenantFilter ?? null;
  let timeZone = env().TZ_DEFAULT;
  if (tenantId) {
    const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { timeZone: true } });
    // An operator's unknown tenant id: say so rather than draw an empty chart.
    if (!tenant && !scopeTenantId) throw notFound("Tenant");
    timeZone = tenant?.timeZone ?? timeZone;
  }
  const now = clock.now();
  // One more day than shown covers the part of the oldest local day before UTC midnight.
  const since = new Date(now.getTime() - (LOGIN_STATS_DAYS + 1) * 86_400_000);
  const inTenant = tenantId ? Prisma.sql`AND tenantId = ${tenantId}` : Prisma.empty;
  // Grouped by UTC hour in the database (a few hundred rows at most, whatever the traffic) and
  // into local days here: MariaDB's named time zones need tables that are often not loaded.
  const rows = await db.$queryRaw<{ hour: string; ok: number | bigint; n: bigint }[]>`
    SELECT DATE_FORMAT(occurredAt, '%Y-%m-%dT%H:00:00Z') AS hour, (result = 'success') AS ok, COUNT(*) AS n
    FROM LoginEvent
    WHERE occurredAt >= ${since} AND occurredAt <= ${now} AND result <> 'second_factor_required' ${inTenant}
    GROUP BY hour, ok`;
  const hours = rows.map((r) => ({ hour: new Date(r.hour), success: Number(r.ok) === 1, count: Number(r.n) }));
  return { timeZone, days: countsPerDay(hours, now, timeZone, LOGIN_STATS_DAYS) };
}
