import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { MAIL_STATES, type HourCounts, type MailState } from "./mail-states";

// Delivery-log lines (MessageEvent, 收发信记录) of the last 24 hours by the hour they were received
// and the state they are in now: the dashboard's "messages by state" chart. Uses the receivedAt
// index; the hours come out of MariaDB already bucketed, so at most 24 × 7 rows travel.

export const HOURS = 24;

const HOUR_MS = 3600_000;

export async function messagesByHour(): Promise<HourCounts[]> {
  const now = clock.now().getTime();
  const firstHour = Math.floor(now / HOUR_MS) * HOUR_MS - (HOURS - 1) * HOUR_MS;
  const rows = await db.$queryRawUnsafe<{ h: bigint | number; status: MailState; n: bigint | number }[]>(
    `SELECT FLOOR(TIMESTAMPDIFF(SECOND, ?, receivedAt) / 3600) AS h, status, COUNT(*) AS n
       FROM MessageEvent WHERE receivedAt >= ? AND receivedAt <= ? GROUP BY h, status`,
    new Date(firstHour),
    new Date(firstHour),
    new Date(now),
  );
  const hours: HourCounts[] = Array.from({ length: HOURS }, (_, i) => ({
    hour: new Date(firstHour + i * HOUR_MS),
    ...(Object.fromEntries(MAIL_STATES.map((s) => [s, 0])) as Record<MailState, number>),
  }));
  for (const r of rows) {
    const slot = hours[Number(r.h)];
    if (slot && MAIL_STATES.includes(r.status)) slot[r.status] += Number(r.n);
  }
  return hours;
}
