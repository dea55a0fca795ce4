import { afterEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { insertSamples } from "@/server/sla/evidence/sample-test-fixtures";
import { rollupProbeDay } from "@/server/sla/rollups/rollup-probes";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory } from "@/server/trpc/init";
import { getStatus, STATUS_CACHE_MS } from "./get-status";
import type { StatusService, TStatus } from "./get-status.types";
import { statusRouter } from "./router";
import { insertIncident, insertMaintenance, insertRollups } from "./status-test-fixtures";

// getStatus against the real database. The answer is cached for 30 s of clock time, so each
// test reads at an instant of its own, at least a minute from the others'.

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

const at = (iso: string) => new Date(iso);
async function statusAt(iso: string): Promise<TStatus> {
  restore?.();
  restore = setClock(at(iso));
  return getStatus();
}
const service = (s: TStatus, name: StatusService) => s.services.find((r) => r.service === name)!;
const day = (s: TStatus, name: StatusService, d: string) => service(s, name).days.find((x) => x.day === d)!;

describe("current state", () => {
  it("reads each service's platform-wide runs of the last five minutes", async () => {
    await insertSamples([
      // smtp_mx: failed earlier, two good runs since → operational
      { at: at("2026-11-27T10:26:00Z"), ok: false, error: "timeout" },
      { at: at("2026-11-27T10:27:00Z") },
      { at: at("2026-11-27T10:28:00Z") },
      // submission: the last two runs failed → outage
      { at: at("2026-11-27T10:27:00Z"), probe: "submission" },
      { at: at("2026-11-27T10:28:00Z"), probe: "submission", ok: false, error: "connect ECONNREFUSED" },
      { at: at("2026-11-27T10:29:00Z"), probe: "submission", ok: false, error: "connect ECONNREFUSED" },
      // pop3: one failure → degraded
      { at: at("2026-11-27T10:28:00Z"), probe: "pop3" },
      { at: at("2026-11-27T10:29:00Z"), probe: "pop3", ok: false, error: "timeout" },
      // http: only older than five minutes → no data
      { at: at("2026-11-27T10:24:59Z"), probe: "http" },
      // network: one tenant's mailboxes only, failing → not the public page's; no platform run → no data
      { at: at("2026-11-27T10:28:00Z"), probe: "network", ok: false, tenantId: "tenant-a", affected: 3 },
      { at: at("2026-11-27T10:29:00Z"), probe: "network", ok: false, tenantId: "tenant-a", affected: 3 },
      // e2e: ok now; failures stamped in the future (a probe host's clock ahead) do not count yet
      { at: at("2026-11-27T10:29:30Z"), probe: "e2e" },
      { at: at("2026-11-27T10:31:00Z"), probe: "e2e", ok: false },
      { at: at("2026-11-27T10:32:00Z"), probe: "e2e", ok: false },
      // labelled samples are not services
      { at: at("2026-11-27T10:29:00Z"), probe: "spam", ok: false },
    ]);
    const s = await statusAt("2026-11-27T10:30:00Z");
    expect(s.services.map((r) => [r.service, r.state])).toEqual([
      ["smtp_mx", "operational"],
      ["submission", "outage"],
      ["pop3", "degraded"],
      ["http", "unknown"],
      ["network", "unknown"],
      ["e2e", "operational"],
    ]);
    expect(s.overall).toBe("outage");
    expect(service(s, "smtp_mx").checkedAt).toEqual(at("2026-11-27T10:28:00Z"));
    expect(service(s, "http").checkedAt).toBeNull();
    expect(s.generatedAt).toEqual(at("2026-11-27T10:30:00Z"));
  });
});

describe("daily bars", () => {
  it("shows 90 UTC days per service from the daily roll-ups, today from the hourly ones, and no data where there is none", async () => {
    await insertRollups([
      // Two locations on one day: 44 failed minutes of 2,880 measured.
      { probe: "smtp_mx", grain: "day", start: "2026-11-20T00:00:00Z", samples: 1440, failedMinutes: 44 },
      { probe: "smtp_mx", grain: "day", start: "2026-11-20T00:00:00Z", samples: 1440, failedMinutes: 0, location: "sh-1" },
      { probe: "smtp_mx", grain: "day", start: "2026-08-30T00:00:00Z", samples: 1440, failedMinutes: 0 }, // the first day shown
      { probe: "smtp_mx", grain: "day", start: "2026-08-29T00:00:00Z", samples: 1440, failedMinutes: 1440 }, // before it: ignored
      // Yesterday: the daily roll-up wins over its hours for smtp_mx; submission has only hours (not sealed yet).
      { probe: "smtp_mx", grain: "day", start: "2026-11-26T00:00:00Z", samples: 1440, failedMinutes: 2 },
      { probe: "smtp_mx", grain: "hour", start: "2026-11-26T05:00:00Z", samples: 60, failedMinutes: 60 },
      { probe: "submission", grain: "hour", start: "2026-11-26T23:00:00Z", samples: 60, failedMinutes: 3 },
      // Today so far: 114 good minutes of 120.
      { probe: "smtp_mx", grain: "hour", start: "2026-11-27T00:00:00Z", samples: 60, failedMinutes: 0 },
      { probe: "smtp_mx", grain: "hour", start: "2026-11-27T01:00:00Z", samples: 60, failedMinutes: 6 },
      // A roll-up row with no samples is no data, not 100 %.
      { probe: "http", grain: "day", start: "2026-11-25T00:00:00Z", samples: 0, failedMinutes: 0 },
    ]);
    // One day made by the real roll-up from samples: 4 runs, two failing in the same minute (one
    // failed minute). A roll-up counts runs, not distinct minutes, so 4 measured: 75 %.
    await insertSamples([
      { at: at("2026-11-10T08:00:00Z"), probe: "pop3" },
      { at: at("2026-11-10T08:01:00Z"), probe: "pop3", ok: false, error: "timeout" },
      { at: at("2026-11-10T08:01:30Z"), probe: "pop3", ok: false, error: "timeout" },
      { at: at("2026-11-10T08:02:00Z"), probe: "pop3" },
    ]);
    await rollupProbeDay("2026-11-10");

    const s = await statusAt("2026-11-27T10:31:00Z");
    for (const row of s.services) {
      expect(row.days).toHaveLength(90);
      expect(row.days[0]!.day).toBe("2026-08-30");
      expect(row.days.at(-1)).toMatchObject({ day: "2026-11-27", partial: true });
    }
    expect(day(s, "smtp_mx", "2026-11-20")).toEqual({ day: "2026-11-20", measuredMinutes: 2880, failedMinutes: 44, uptimePpm: 984722, level: "major", partial: false });
    expect(day(s, "smtp_mx", "2026-11-21")).toMatchObject({ uptimePpm: null, level: "none" });
    expect(day(s, "smtp_mx", "2026-08-30")).toMatchObject({ uptimePpm: 1_000_000, level: "good" });
    expect(day(s, "smtp_mx", "2026-11-26")).toMatchObject({ measuredMinutes: 1440, failedMinutes: 2, uptimePpm: 998611, level: "minor" });
    expect(day(s, "submission", "2026-11-26")).toMatchObject({ measuredMinutes: 60, failedMinutes: 3, uptimePpm: 950_000 });
    expect(day(s, "smtp_mx", "2026-11-27")).toMatchObject({ measuredMinutes: 120, failedMinutes: 6, uptimePpm: 950_000, level: "major", partial: true });
    expect(day(s, "http", "2026-11-25")).toMatchObject({ uptimePpm: null, level: "none" });
    expect(day(s, "pop3", "2026-11-10")).toMatchObject({ measuredMinutes: 4, failedMinutes: 1, uptimePpm: 750_000 });
    // Over 90 days: minutes summed (2880 + 1440 + 1440 + 120 measured, 44 + 2 + 6 failed).
    expect(service(s, "smtp_mx").uptimePpm).toBe(Math.floor(((5880 - 52) * 1e6) / 5880));
    expect(service(s, "network").uptimePpm).toBeNull();
    expect(service(s, "network").days.every((d) => d.level === "none")).toBe(true);
  });
});

describe("incidents and maintenance", () => {
  it("lists only open incidents the platform caused for everyone, without internal details", async () => {
    await insertIncident({ summary: "Outbound mail delayed", startsAt: "2026-11-27T09:00:00Z", reason: "relay pool exhausted (internal)" });
    await insertIncident({ summary: "POP3 slow", startsAt: "2026-11-27T08:00:00Z", endsAt: "2026-11-27T12:00:00Z" }); // ends later: open
    await insertIncident({ summary: "Resolved yesterday", startsAt: "2026-11-26T08:00:00Z", endsAt: "2026-11-26T09:00:00Z" });
    await insertIncident({ summary: "Starts later", startsAt: "2026-11-27T11:00:00Z" });
    await insertIncident({ summary: "Customer MX elsewhere", cause: "customer", startsAt: "2026-11-27T07:00:00Z", reason: "their MX" });
    await insertIncident({ summary: "Carrier fibre cut", cause: "third_party", startsAt: "2026-11-27T07:00:00Z" });
    await insertIncident({ summary: "One tenant's mailboxes", startsAt: "2026-11-27T07:00:00Z", tenantId: "tenant-secret-id" });

    const s = await statusAt("2026-11-27T10:32:00Z");
    expect(s.incidents).toEqual([
      { kind: "outage", summary: "Outbound mail delayed", since: at("2026-11-27T09:00:00Z") },
      { kind: "outage", summary: "POP3 slow", since: at("2026-11-27T08:00:00Z") },
    ]);
    const text = JSON.stringify(s);
    for (const secret of ["tenant-secret-id", "tenant-a", "internal", "operator-user-id", "Customer MX", "fibre"]) expect(text).not.toContain(secret);
  });

  it("lists scheduled maintenance that has not ended, soonest first, marking the one in progress", async () => {
    await insertMaintenance({ description: "Storage upgrade", startsAt: "2026-11-29T18:00:00Z", endsAt: "2026-11-29T20:00:00Z" });
    await insertMaintenance({ description: "Kernel patches", startsAt: "2026-11-27T10:00:00Z", endsAt: "2026-11-27T11:00:00Z" });
    await insertMaintenance({ description: "Called off", startsAt: "2026-11-28T18:00:00Z", endsAt: "2026-11-28T20:00:00Z", cancelled: true });
    await insertMaintenance({ description: "Done already", startsAt: "2026-11-27T06:00:00Z", endsAt: "2026-11-27T07:00:00Z" });

    const s = await statusAt("2026-11-27T10:33:00Z");
    expect(s.maintenance).toEqual([
      { description: "Kernel patches", startsAt: at("2026-11-27T10:00:00Z"), endsAt: at("2026-11-27T11:00:00Z"), inProgress: true },
      { description: "Storage upgrade", startsAt: at("2026-11-29T18:00:00Z"), endsAt: at("2026-11-29T20:00:00Z"), inProgress: false },
    ]);
  });
});

describe("cache", () => {
  it("answers from memory for 30 s of clock time, shares one read between concurrent callers, then reads again", async () => {
    const first = await statusAt("2026-11-27T10:40:00Z");
    expect(service(first, "smtp_mx").state).toBe("unknown");
    await insertSamples([{ at: at("2026-11-27T10:39:50Z") }, { at: at("2026-11-27T10:40:00Z") }]);

    const later = await statusAt(new Date(at("2026-11-27T10:40:00Z").getTime() + STATUS_CACHE_MS - 1).toISOString());
    expect(later).toBe(first);
    const [a, b] = await Promise.all([statusAt("2026-11-27T10:40:30Z"), getStatus()]);
    expect(a).not.toBe(first);
    expect(b).toBe(a);
    expect(service(a, "smtp_mx").state).toBe("operational");
  });

  it("reads again when the clock is set back before the cached answer", async () => {
    const ahead = await statusAt("2026-11-27T10:45:00Z");
    const back = await statusAt("2026-11-27T10:44:50Z");
    expect(back).not.toBe(ahead);
    expect(back.generatedAt).toEqual(at("2026-11-27T10:44:50Z"));
  });
});

describe("statusRouter", () => {
  const caller = createCallerFactory(statusRouter)(makeContext(null));

  it("answers a signed-out caller", async () => {
    restore = setClock(at("2026-11-27T10:50:00Z"));
    const s = await caller.get();
    expect(s.services).toHaveLength(6);
    expect(s.generatedAt).toEqual(at("2026-11-27T10:50:00Z"));
  });

  it("refuses an input, writing nothing", async () => {
    const before = await Promise.all([db.probeSample.count(), db.probeRollup.count(), db.incident.count(), db.maintenanceWindow.count()]);
    const e = await caller.get({ tenantId: "x" } as never).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code).toBe("BAD_REQUEST");
    expect(await Promise.all([db.probeSample.count(), db.probeRollup.count(), db.incident.count(), db.maintenanceWindow.count()])).toEqual(before);
  });
});
