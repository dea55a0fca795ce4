import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLines } from "@/server/mail/log/mail-log-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError } from "@/server/shared/errors";
import { insertSamples } from "@/server/sla/evidence/sample-test-fixtures";
import { addLatency, emptyLatencyDay } from "@/server/sla/rules/latency";
import { rollupLatencyDay } from "./rollup-latency";
import { rollupProbeDay, rollupProbeHours } from "./rollup-probes";

// The roll-ups against the real database, with numbers worked out by hand from the samples and
// delivery-log lines below.

const at = (iso: string) => new Date(iso);
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
};
const probeRows = (grain: string) =>
  db.probeRollup
    .findMany({ where: { grain }, orderBy: [{ start: "asc" }, { probe: "asc" }, { location: "asc" }] })
    .then((rows) => rows.map((r) => [r.start.toISOString(), r.probe, r.location, r.samples, r.failures, r.failedMinutes, Number(r.latencySumMs), r.latencyMaxMs]));

describe("probe roll-ups", () => {
  it("counts samples, failures, failed minutes and the successful runs' latency per probe, target, location and hour or day", async () => {
    await insertSamples([
      { at: at("2026-11-04T23:59:59.999Z"), latencyMs: 999 }, // the day before
      { at: at("2026-11-05T10:00:05.000Z"), latencyMs: 100 },
      { at: at("2026-11-05T10:00:40.000Z"), ok: false, latencyMs: 10_000, error: "timeout" },
      { at: at("2026-11-05T10:00:50.000Z"), ok: false, latencyMs: null, error: "ECONNREFUSED" }, // same minute: one failed minute
      { at: at("2026-11-05T10:01:10.000Z"), latencyMs: 300 },
      { at: at("2026-11-05T10:59:59.999Z"), ok: false, latencyMs: null, error: "ECONNRESET" },
      { at: at("2026-11-05T11:00:00.000Z"), latencyMs: 200 },
      { at: at("2026-11-05T10:30:00.000Z"), probe: "pop3", target: "127.0.0.1:110", latencyMs: 50 },
      { at: at("2026-11-05T10:15:00.000Z"), location: "sh-1", ok: false, latencyMs: 10_000, error: "timeout" },
      { at: at("2026-11-06T00:00:00.000Z"), latencyMs: 7 }, // the day after
    ]);
    const hours = await rollupProbeHours(at("2026-11-05T10:00:00Z"), at("2026-11-05T12:00:00Z"));
    expect(hours).toMatchObject({ rows: 4, samples: 8 });
    expect(await probeRows("hour")).toEqual([
      ["2026-11-05T10:00:00.000Z", "smtp_mx", "bj-1", 5, 3, 2, 400, 300],
      ["2026-11-05T10:00:00.000Z", "smtp_mx", "sh-1", 1, 1, 1, 0, 0],
      ["2026-11-05T10:00:00.000Z", "pop3", "bj-1", 1, 0, 0, 50, 50],
      ["2026-11-05T11:00:00.000Z", "smtp_mx", "bj-1", 1, 0, 0, 200, 200],
    ]);
    await rollupProbeDay("2026-11-05");
    expect(await probeRows("day")).toEqual([
      ["2026-11-05T00:00:00.000Z", "smtp_mx", "bj-1", 6, 3, 2, 600, 300],
      ["2026-11-05T00:00:00.000Z", "smtp_mx", "sh-1", 1, 1, 1, 0, 0],
      ["2026-11-05T00:00:00.000Z", "pop3", "bj-1", 1, 0, 0, 50, 50],
    ]);
  });

  it("replaces a window when run again: late samples counted once, nothing doubled", async () => {
    await insertSamples([{ at: at("2026-11-05T10:20:00.000Z"), ok: false, latencyMs: null, error: "late batch" }]);
    await rollupProbeHours(at("2026-11-05T10:00:00Z"), at("2026-11-05T11:00:00Z"));
    await rollupProbeHours(at("2026-11-05T10:00:00Z"), at("2026-11-05T11:00:00Z"));
    await rollupProbeDay("2026-11-05");
    expect((await probeRows("hour"))[0]).toEqual(["2026-11-05T10:00:00.000Z", "smtp_mx", "bj-1", 6, 4, 3, 400, 300]);
    expect((await probeRows("hour")).length).toBe(4);
    expect((await probeRows("day"))[0]).toEqual(["2026-11-05T00:00:00.000Z", "smtp_mx", "bj-1", 7, 4, 3, 600, 300]);
  });

  it("refuses windows that are not whole hours or days, writing nothing", async () => {
    const before = await db.probeRollup.count();
    for (const [from, to] of [
      ["2026-11-05T10:30:00Z", "2026-11-05T11:00:00Z"],
      ["2026-11-05T11:00:00Z", "2026-11-05T10:00:00Z"],
      ["2026-11-05T10:00:00Z", "2026-11-05T10:00:00Z"],
      ["not a date", "2026-11-05T10:00:00Z"],
    ] as const) {
      expect((await refusal(rollupProbeHours(new Date(from), new Date(to)))).code).toBe("BAD_INPUT");
    }
    for (const bad of ["2026-11-31", "5 Nov", undefined]) expect((await refusal(rollupProbeDay(bad))).code).toBe("BAD_INPUT");
    expect(await db.probeRollup.count()).toBe(before);
  });
});

describe("latency roll-up", () => {
  const day = "2026-11-05";
  // The delivery log keeps 30 days (MAIL_LOG_RETENTION_DAYS): days are rolled up while it is whole.
  let restore: () => void;
  beforeAll(() => (restore = setClock(new Date("2026-11-08T00:10:00Z"))));
  afterAll(() => restore());
  const line = (tenantId: string, direction: "inbound" | "outbound", receivedAt: string, latencyMs: number | null) => ({ tenantId, direction, receivedAt: at(receivedAt), latencyMs });
  const rollups = () =>
    db.latencyRollup
      .findMany({ orderBy: [{ tenantId: "asc" }, { direction: "asc" }] })
      .then((rows) => rows.map((r) => ({ tenantId: r.tenantId, day: r.day.toISOString().slice(0, 10), direction: r.direction, messages: r.messages, sumMs: Number(r.sumMs), maxMs: r.maxMs, overHour: r.overHour, histogram: r.histogram })));

  it("gives each tenant and direction its messages, sum, max, count over an hour and histogram for the UTC day", async () => {
    const outbound = [500, 1000, 1001, 60_000, 3_600_000, 3_600_001];
    const inserted = await insertLines([
      ...outbound.map((ms, i) => line("t-1", "outbound", `2026-11-05T0${i}:00:00.000Z`, ms)),
      line("t-1", "outbound", "2026-11-05T23:59:59.999Z", null), // waiting for its first attempt
      line("t-1", "inbound", "2026-11-05T00:00:00.000Z", 2500),
      line("t-2", "inbound", "2026-11-05T12:00:00.000Z", 20_000),
      line("t-1", "outbound", "2026-11-04T23:59:59.999Z", 7000), // another day
      line("t-1", "outbound", "2026-11-06T00:00:00.000Z", 7000),
    ]);
    expect(await rollupLatencyDay(day)).toEqual({ day, rows: 3, messages: 8 });
    expect(await rollups()).toEqual([
      { tenantId: "t-1", day, direction: "outbound", messages: 6, sumMs: 7_262_502, maxMs: 3_600_001, overHour: 1, histogram: [2, 1, 0, 0, 1, 0, 0, 1, 1] },
      { tenantId: "t-1", day, direction: "inbound", messages: 1, sumMs: 2500, maxMs: 2500, overHour: 0, histogram: [0, 1, 0, 0, 0, 0, 0, 0, 0] },
      { tenantId: "t-2", day, direction: "inbound", messages: 1, sumMs: 20_000, maxMs: 20_000, overHour: 0, histogram: [0, 0, 0, 1, 0, 0, 0, 0, 0] },
    ]);
    // The same figures as the SLA rules' own fold over the messages.
    const folded = outbound.reduce(addLatency, emptyLatencyDay());
    expect((await rollups())[0]).toMatchObject({ messages: folded.messages, sumMs: folded.sumMs, maxMs: folded.maxMs, overHour: folded.overHour, histogram: folded.histogram });

    // A late first attempt gives the waiting line its figure; rolling the day up again counts it, once.
    const waiting = inserted[outbound.length]!;
    await db.messageEvent.update({ where: { id: waiting.id }, data: { latencyMs: 4000 } });
    await rollupLatencyDay(day);
    await rollupLatencyDay(day);
    const [t1out] = await rollups();
    expect(t1out).toMatchObject({ messages: 7, sumMs: 7_266_502, histogram: [2, 2, 0, 0, 1, 0, 0, 1, 1] });
    expect(await db.latencyRollup.count()).toBe(3);
  });

  it("leaves a day without figures empty, and refuses a bad day", async () => {
    expect(await rollupLatencyDay("2026-11-07")).toEqual({ day: "2026-11-07", rows: 0, messages: 0 });
    for (const bad of ["2026-11-5", "", 3]) expect((await refusal(rollupLatencyDay(bad))).code).toBe("BAD_INPUT");
    expect(await db.latencyRollup.count()).toBe(3);
  });

  it("refuses a day whose delivery log may be partly purged, keeping its roll-up", async () => {
    const undo = setClock(new Date("2026-12-05T00:10:00Z")); // 2026-11-05 is now 30 days back
    try {
      expect((await refusal(rollupLatencyDay(day))).code).toBe("PRECONDITION_FAILED");
      expect(await db.latencyRollup.count({ where: { day: new Date(`${day}T00:00:00Z`) } })).toBe(3);
      expect((await rollupLatencyDay("2026-11-06")).day).toBe("2026-11-06");
    } finally {
      undo();
    }
  });
});
