import { db } from "@/server/shared/db";
import { addDays, dayStart, utcDay } from "@/server/sla/evidence/utc-days";
import { STATUS_SERVICES, type StatusDay, type StatusService } from "./get-status.types";
import { barLevel, uptime, type RollupCounts } from "./status-rules";

/** Days of bars per service, today included. */
export const STATUS_DAYS = 90;

const GRAIN_MINUTES = { hour: 60, day: 24 * 60 } as const;

type Row = { probe: string; grain: string; start: Date; samples: number; failedMinutes: number };

/**
 * Each service's last STATUS_DAYS UTC days, oldest first, from the roll-ups (raw samples are
 * kept only 90 days, and a day's roll-up is a few rows instead of ~1,440 samples per target).
 * A past day reads its daily roll-up; a day without one reads its hourly roll-ups: today (so
 * far), and yesterday in the minutes after midnight before the maintenance tick seals it and
 * makes its daily one. A day with neither is "no data".
 */
export async function dailyUptime(now: Date): Promise<Map<StatusService, StatusDay[]>> {
  const today = utcDay(now);
  const first = addDays(today, 1 - STATUS_DAYS);
  const select = { probe: true, grain: true, start: true, samples: true, failedMinutes: true } as const;
  const services = [...STATUS_SERVICES];
  const [daily, hourly] = await Promise.all([
    db.probeRollup.findMany({ where: { grain: "day", probe: { in: services }, start: { gte: dayStart(first), lt: dayStart(today) } }, select }),
    db.probeRollup.findMany({ where: { grain: "hour", probe: { in: services }, start: { gte: dayStart(addDays(today, -1)), lte: now } }, select }),
  ]);
  const byKey = group([...daily, ...hourly]);
  const days = Array.from({ length: STATUS_DAYS }, (_, i) => addDays(first, i));
  return new Map(
    STATUS_SERVICES.map((service) => [
      service,
      days.map((day): StatusDay => {
        const rows = byKey.get(`${service} day ${day}`) ?? byKey.get(`${service} hour ${day}`) ?? [];
        const u = uptime(rows);
        return { day, ...u, level: barLevel(u.uptimePpm), partial: day === today };
      }),
    ]),
  );
}

/** Rows by service, grain and UTC day: "smtp_mx day 2026-11-05". */
function group(rows: Row[]): Map<string, RollupCounts[]> {
  const out = new Map<string, RollupCounts[]>();
  for (const r of rows) {
    const grain = r.grain as keyof typeof GRAIN_MINUTES;
    const key = `${r.probe} ${grain} ${utcDay(r.start)}`;
    out.set(key, [...(out.get(key) ?? []), { samples: r.samples, failedMinutes: r.failedMinutes, grainMinutes: GRAIN_MINUTES[grain] }]);
  }
  return out;
}
