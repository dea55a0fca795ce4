import mysql from "mysql2/promise";
import type { RowDataPacket } from "mysql2/promise";
import { databaseName, serverOptions } from "@/server/shared/migrations/connection";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { measureSkew, onDatabaseClock, skewToApply, utcDay } from "./clock-skew";
import type { ProbeSampleInput } from "./probe-sample.types";
import { clock } from "@/server/shared/clock";
import { lastSealableDay } from "../evidence/utc-days";

// The probes' batching writer (issue 9 §1: "samples are written in batches"). Rows wait in
// memory and go as ONE multi-row INSERT through mysql2 (docs/architecture.md: bulk probe writes),
// every SLA_SAMPLE_FLUSH_SECONDS or at BATCH_ROWS. Each flush first reads the database's clock,
// so samples from several probe hosts line up on it (clock-skew.ts). A day already sealed by a
// SampleDigest is never written into: its digest would no longer verify.

const log = logger("sla.samples");

export const BATCH_ROWS = 500;
/** Rows kept while the database is down; beyond it the oldest go (and a line says so). */
export const PENDING_CAP = 10_000;
const SKEW_WARN_EVERY_MS = 60_000;

export type SampleWriterOptions = {
  databaseUrl?: string;
  flushSeconds?: number;
  toleranceMs?: number;
  pendingCap?: number;
};

export type SampleWriterStats = { written: number; refusedSealed: number; dropped: number; failedFlushes: number; lastSkewMs: number | null };

export type SampleWriter = {
  add(sample: ProbeSampleInput): void;
  /** Writes what is buffered now; resolves when done (a failure keeps the rows for the next flush). */
  flush(): Promise<void>;
  pending(): number;
  stats(): Readonly<SampleWriterStats>;
  /** Stops the timer, flushes once more, closes the pool. */
  close(): Promise<void>;
};

const COLUMNS = "(probe, target, location, ok, latencyMs, error, at, skewMs, tenantId, affected, detail)";

function rowValues(s: ProbeSampleInput, at: Date, skewMs: number): unknown[] {
  return [
    s.probe,
    s.target.slice(0, 255),
    s.location.slice(0, 64),
    s.ok,
    s.latencyMs === null ? null : Math.round(s.latencyMs),
    s.error === null ? null : s.error.slice(0, 500),
    at,
    skewMs,
    s.tenantId ?? null,
    s.affected ?? null,
    s.detail ? JSON.stringify(s.detail) : null,
  ];
}

export function createSampleWriter(opts: SampleWriterOptions = {}): SampleWriter {
  const e = env();
  const url = opts.databaseUrl ?? e.DATABASE_URL;
  const toleranceMs = opts.toleranceMs ?? e.SLA_CLOCK_TOLERANCE_MS;
  const cap = opts.pendingCap ?? PENDING_CAP;
  // Two connections: flushes are serialised, the second covers a connection dying mid-flush.
  const pool = mysql.createPool({ ...serverOptions(url), database: databaseName(url), multipleStatements: false, connectionLimit: 2 });
  // mysql2 emits pool errors of dead connections; the failed query reports them.
  pool.on("connection", (c) => c.on("error", () => {}));
  let buffer: ProbeSampleInput[] = [];
  let running: Promise<void> = Promise.resolve();
  let lastSkewWarn = -Infinity;
  const stats: SampleWriterStats = { written: 0, refusedSealed: 0, dropped: 0, failedFlushes: 0, lastSkewMs: null };

  async function databaseSkew(): Promise<number> {
    const sentAt = clock.now().getTime();
    const started = performance.now();
    const [rows] = await pool.query<RowDataPacket[]>("SELECT ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000) AS ms");
    const skew = measureSkew(sentAt, performance.now() - started, Number(rows[0]!.ms));
    stats.lastSkewMs = skew;
    const applied = skewToApply(skew, toleranceMs);
    if (applied !== 0 && performance.now() - lastSkewWarn >= SKEW_WARN_EVERY_MS) {
      lastSkewWarn = performance.now();
      log.warn("probe host clock differs from the database's: sample times corrected", { skewMs: skew, toleranceMs });
    }
    return applied;
  }

  /**
   * Drops the rows of sealed days, and of days that may be being sealed right now (ended more than
   * SLA_SEAL_GRACE_MINUTES ago: sealing reads a day in pages, and a row landing between its last
   * page and its digest would make an untouched day fail sla:verify). Logged and counted; returns
   * the rest with their corrected time.
   */
  async function unsealed(rows: ProbeSampleInput[], skewMs: number) {
    const placed = rows.map((s) => ({ s, at: onDatabaseClock(s.at, skewMs) }));
    const sealable = lastSealableDay(new Date(clock.now().getTime() - skewMs), e.SLA_SEAL_GRACE_MINUTES);
    const days = [...new Set(placed.map((p) => utcDay(p.at)))];
    const [sealedRows] = await pool.query<RowDataPacket[]>("SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day FROM SampleDigest WHERE day IN (?)", [days]);
    const sealed = new Set([...sealedRows.map((r) => String(r.day)), ...days.filter((d) => d <= sealable)]);
    if (sealed.size === 0) return placed;
    const kept = placed.filter((p) => !sealed.has(utcDay(p.at)));
    const refused = placed.length - kept.length;
    stats.refusedSealed += refused;
    log.warn("samples for a sealed day not written", { samples: refused, days: [...sealed] });
    return kept;
  }

  async function writeBatch(rows: ProbeSampleInput[]): Promise<void> {
    const skewMs = await databaseSkew();
    const kept = await unsealed(rows, skewMs);
    if (kept.length === 0) return;
    await pool.query(`INSERT INTO ProbeSample ${COLUMNS} VALUES ?`, [kept.map((p) => rowValues(p.s, p.at, skewMs))]);
    stats.written += kept.length;
  }

  function trimToCap() {
    if (buffer.length <= cap) return;
    const over = buffer.length - cap;
    buffer = buffer.slice(over);
    stats.dropped += over;
    log.error("sample buffer full (database down?): oldest samples dropped", { dropped: over, cap });
  }

  async function flushNow(): Promise<void> {
    while (buffer.length > 0) {
      const rows = buffer.splice(0, BATCH_ROWS);
      try {
        await writeBatch(rows);
      } catch (err) {
        // Back to the front, oldest first, for the next flush.
        buffer = [...rows, ...buffer];
        trimToCap();
        stats.failedFlushes += 1;
        log.warn("sample flush failed; rows kept for the next flush", { pending: buffer.length, error: err instanceof Error ? err.message : String(err) });
        return;
      }
    }
  }

  const flush = () => (running = running.then(flushNow));
  const timer = setInterval(() => void flush(), (opts.flushSeconds ?? e.SLA_SAMPLE_FLUSH_SECONDS) * 1000);
  timer.unref();

  return {
    add(sample) {
      buffer.push(sample);
      trimToCap();
      if (buffer.length >= BATCH_ROWS) void flush();
    },
    flush,
    pending: () => buffer.length,
    stats: () => ({ ...stats }),
    async close() {
      clearInterval(timer);
      await flush();
      await pool.end();
    },
  };
}
