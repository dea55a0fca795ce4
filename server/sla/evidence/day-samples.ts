import type { ProbeKind } from "@/server/generated/prisma/enums.ts";
import { db } from "@/server/shared/db";
import type { SampleRow } from "./sample-line";
import { dayEnd, dayStart } from "./utc-days";

// Reads one UTC day of samples in id order, a page at a time (sealing and verifying a day of
// 500,000 samples must not hold it in memory). The day's id range comes from the `at` index
// (covering: it holds the primary key); the pages then walk the primary key inside that range,
// so each page is a short range read, never a re-sort of the whole day.

export const SAMPLE_PAGE = 5_000;

type RawSample = Omit<SampleRow, "ok" | "detail" | "id" | "latencyMs" | "skewMs" | "affected"> & {
  id: bigint | number | string;
  ok: unknown;
  latencyMs: unknown;
  skewMs: unknown;
  affected: unknown;
  detail: unknown;
};

const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** One row as the driver returned it → the chain's types (a TINYINT(1) may come back as 1, a JSON column as text). */
function toSampleRow(r: RawSample): SampleRow {
  return {
    id: BigInt(r.id),
    probe: r.probe as ProbeKind,
    target: r.target,
    location: r.location,
    ok: r.ok === true || Number(r.ok) === 1,
    latencyMs: intOrNull(r.latencyMs),
    error: r.error,
    at: r.at,
    skewMs: Number(r.skewMs),
    tenantId: r.tenantId,
    affected: intOrNull(r.affected),
    detail: typeof r.detail === "string" ? JSON.parse(r.detail) : (r.detail ?? null),
  };
}

export type DayRange = { count: number; minId: bigint | null; maxId: bigint | null };

/** How many samples the day holds now, and its lowest and highest id. */
export async function dayRange(day: string): Promise<DayRange> {
  const [r] = await db.$queryRaw<{ n: bigint | number; lo: bigint | number | null; hi: bigint | number | null }[]>`
    SELECT COUNT(*) AS n, MIN(id) AS lo, MAX(id) AS hi FROM ProbeSample FORCE INDEX (ProbeSample_at_idx)
    WHERE at >= ${dayStart(day)} AND at < ${dayEnd(day)}`;
  return { count: Number(r?.n ?? 0), minId: r?.lo == null ? null : BigInt(r.lo), maxId: r?.hi == null ? null : BigInt(r.hi) };
}

/** The day's samples in ascending id order, `pageSize` at a time. */
export async function* daySamplePages(day: string, range: DayRange, pageSize = SAMPLE_PAGE): AsyncGenerator<SampleRow[]> {
  if (range.minId === null || range.maxId === null) return;
  const [from, to] = [dayStart(day), dayEnd(day)];
  let after = range.minId - 1n;
  for (;;) {
    const raw = await db.$queryRaw<RawSample[]>`
      SELECT id, probe, target, location, ok, latencyMs, error, at, skewMs, tenantId, affected, detail
      FROM ProbeSample FORCE INDEX (PRIMARY)
      WHERE id > ${after} AND id <= ${range.maxId} AND at >= ${from} AND at < ${to}
      ORDER BY id LIMIT ${pageSize}`;
    if (raw.length === 0) return;
    const rows = raw.map(toSampleRow);
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (raw.length < pageSize) return;
  }
}

/** The day's count and digest input in one pass: feeds every page to `add`, returns how many rows it read. */
export async function readDay(day: string, add: (rows: SampleRow[]) => void, pageSize = SAMPLE_PAGE): Promise<number> {
  const range = await dayRange(day);
  let n = 0;
  for await (const rows of daySamplePages(day, range, pageSize)) {
    add(rows);
    n += rows.length;
  }
  return n;
}
