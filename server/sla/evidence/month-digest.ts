import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { dayStart, monthDays, utcDay } from "./utc-days";

// The month's digest on the SLA report: the last sealed day's link within the month. Being a
// link of the chain, it covers every sample of the month (and everything sealed before it), so a
// customer who kept it can later ask sla:verify whether that evidence is still what it was.

export type MonthDigest = { day: string; digest: Uint8Array; hex: string };

/** null when no day of the month is sealed yet. */
export async function monthDigest(month: unknown): Promise<MonthDigest | null> {
  const days = typeof month === "string" ? monthDays(month) : null;
  if (!days) throw new DomainError("BAD_INPUT", say(`month must be YYYY-MM, got ${JSON.stringify(month)}`, `月份须为 YYYY-MM 形式，收到 ${JSON.stringify(month)}`));
  const last = await db.sampleDigest.findFirst({
    where: { day: { gte: dayStart(days.first), lte: dayStart(days.last) } },
    orderBy: { day: "desc" },
    select: { day: true, digest: true },
  });
  return last && { day: utcDay(last.day), digest: last.digest, hex: Buffer.from(last.digest).toString("hex") };
}
