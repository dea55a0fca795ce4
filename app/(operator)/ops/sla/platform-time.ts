import dayjs, { type Dayjs } from "dayjs";

// Maintenance windows and incidents are written on the platform's clock, Beijing time, whatever
// the operator's browser zone: the announcement customers read says "(UTC+8)". Asia/Shanghai has
// kept UTC+8 without daylight saving since 1991, so the offset is fixed.
export const PLATFORM_ZONE = "Asia/Shanghai";
const OFFSET = "+08:00";

// Swedish writes dates and times as ISO does: "2026-12-05 02:00".
const wall = new Intl.DateTimeFormat("sv-SE", { timeZone: PLATFORM_ZONE, dateStyle: "short", timeStyle: "short", hourCycle: "h23" });

/** The picker's reading (its date, hours and minutes) taken as Beijing time, as the server wants it: "2026-12-05T02:00:00+08:00". */
export const platformIso = (picked: Dayjs): string => `${picked.format("YYYY-MM-DDTHH:mm")}:00${OFFSET}`;

/** An instant as a picker value showing its Beijing wall clock, whatever the browser's zone. */
export const platformWall = (instant: Date): Dayjs => dayjs(wall.format(instant));

/** "2026-12-05 02:00", Beijing time. */
export const platformText = (instant: Date): string => wall.format(instant);

/** "2026-12-05 02:00–04:00" (or "… – 2026-12-06 01:00" across midnight), Beijing time; an open end is `open`. */
export function spanText(start: Date, end: Date | null, open: string): string {
  const from = platformText(start);
  if (!end) return `${from} – ${open}`;
  const to = platformText(end);
  return to.slice(0, 10) === from.slice(0, 10) ? `${from}–${to.slice(11)}` : `${from} – ${to}`;
}
