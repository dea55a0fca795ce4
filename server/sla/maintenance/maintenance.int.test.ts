import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { callerFor, operatorActor, operatorUser, refusal, slaAdminWriteCounts } from "../sla-admin-test-fixtures";
import { scheduleMaintenance } from "./schedule-maintenance";

// Now: 2026-12-01 08:00 in Shanghai. Windows are given in UTC; titles read in UTC+8.
const NOW = new Date("2026-12-01T00:00:00Z");
const sla = () => callerFor(operatorUser).sla;
const request = (startsAt: string, endsAt: string, more: Partial<{ description: string; idempotencyKey: string }> = {}) => ({
  startsAt,
  endsAt,
  description: "Upgrading the mail store's database",
  idempotencyKey: randomUUID(),
  ...more,
});
let restoreClock: () => void;

beforeAll(() => {
  restoreClock = setClock(NOW);
});
afterAll(() => restoreClock());

describe("scheduleMaintenance", () => {
  it("writes the window and its announcement, audited, and says it is excluded when announced 24 h ahead", async () => {
    const result = await sla().scheduleMaintenance(request("2026-12-04T18:00:00Z", "2026-12-04T20:00:00Z"));
    expect(result).toMatchObject({ created: true, warning: null });
    expect(result.window).toMatchObject({ status: "scheduled", announcedAt: NOW, excludedFromSla: true, noticeHours: 24, createdById: operatorUser.id });
    expect(result.window.announcement).toEqual({
      id: expect.any(String),
      title: "计划维护 Scheduled maintenance 2026-12-05 02:00–04:00 (UTC+8)",
      body: "Upgrading the mail store's database",
      level: "maintenance",
      audience: "all",
      publishAt: NOW,
      takeDownAt: new Date("2026-12-04T20:00:00Z"),
    });
    const row = await db.announcement.findUniqueOrThrow({ where: { maintenanceWindowId: result.window.id } });
    expect(row.createdById).toBe(operatorUser.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "sla.maintenance.schedule", targetId: result.window.id } });
    expect(audit).toMatchObject({ actorId: operatorUser.id, tenantId: null, targetType: "maintenance_window" });
    expect(audit.details).toMatchObject({ startsAt: "2026-12-04T18:00:00.000Z", endsAt: "2026-12-04T20:00:00.000Z", excludedFromSla: true, noticeHours: 24 });
  });

  it("schedules a late window but flags it: its minutes count", async () => {
    const result = await sla().scheduleMaintenance(request("2026-12-01T03:00:00Z", "2026-12-01T04:00:00Z"));
    expect(result.window.excludedFromSla).toBe(false);
    expect(result.warning?.en).toBe("Announced 3 h ahead, less than the 24 h notice: its minutes count against the SLA");
  });

  it("returns the first window for a retried request id, and refuses the id for a different window", async () => {
    const first = request("2026-12-10T18:00:00Z", "2026-12-10T19:00:00Z");
    const a = await sla().scheduleMaintenance(first);
    const before = await slaAdminWriteCounts();
    const again = await Promise.all([sla().scheduleMaintenance(first), sla().scheduleMaintenance(first)]);
    expect(again.map((r) => [r.created, r.window.id])).toEqual([
      [false, a.window.id],
      [false, a.window.id],
    ]);
    expect(await refusal(sla().scheduleMaintenance({ ...first, description: "Something else entirely" }))).toMatchObject({
      code: "CONFLICT",
      message: "This request id was already used for a different maintenance window",
    });
    expect(await slaAdminWriteCounts()).toEqual(before);
  });

  it("lets two overlapping windows asked at once in as one, the other refused", async () => {
    const outcomes = await Promise.allSettled([
      sla().scheduleMaintenance(request("2026-12-20T18:00:00Z", "2026-12-20T20:00:00Z")),
      sla().scheduleMaintenance(request("2026-12-20T19:00:00Z", "2026-12-20T21:00:00Z")),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.maintenanceWindow.count({ where: { startsAt: { gte: new Date("2026-12-20T00:00:00Z"), lt: new Date("2026-12-21T00:00:00Z") } } })).toBe(1);
  });

  describe("refuses bad input with a clear message and writes nothing", () => {
    const cases: [string, () => Promise<unknown>, string, Record<string, string[]> | null][] = [
      [
        "a start in the past",
        () => sla().scheduleMaintenance(request("2026-11-30T23:00:00Z", "2026-12-01T01:00:00Z")),
        "The maintenance must start in the future: past minutes cannot be announced",
        { startsAt: ["The maintenance must start in the future: past minutes cannot be announced"] },
      ],
      ["an end before the start", () => sla().scheduleMaintenance(request("2026-12-05T20:00:00Z", "2026-12-05T18:00:00Z")), "The maintenance must end after it starts", null],
      ["an end equal to the start", () => sla().scheduleMaintenance(request("2026-12-05T20:00:00Z", "2026-12-05T20:00:00Z")), "The maintenance must end after it starts", null],
      [
        "more than 24 hours",
        () => sla().scheduleMaintenance(request("2026-12-05T00:00:00Z", "2026-12-06T00:00:01Z")),
        "A maintenance window may last at most 24 hours: a longer interruption is an outage, recorded as an incident",
        null,
      ],
      [
        "overlapping a scheduled window",
        () => sla().scheduleMaintenance(request("2026-12-04T19:30:00Z", "2026-12-04T21:00:00Z")),
        "This window overlaps the maintenance already scheduled for 2026-12-05 02:00–04:00 (UTC+8)",
        { startsAt: ["Overlaps the maintenance of 2026-12-05 02:00–04:00 (UTC+8)"] },
      ],
      ["several problems at once", () => sla().scheduleMaintenance(request("2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z")), "The maintenance window is not valid", null],
    ];
    for (const [name, call, message, fieldErrors] of cases) {
      it(name, async () => {
        const before = await slaAdminWriteCounts();
        const r = await refusal(call());
        expect(r.code).toMatch(/BAD_REQUEST|CONFLICT/);
        expect(r.message).toBe(message);
        if (fieldErrors) expect(r.fieldErrors).toEqual(fieldErrors);
        expect(await slaAdminWriteCounts()).toEqual(before);
      });
    }

    it("says it in Chinese to a Chinese caller", async () => {
      const r = await refusal(sla().scheduleMaintenance(request("2026-12-05T00:00:00Z", "2026-12-06T01:00:00Z")), "zh-CN");
      expect(r.message).toBe("维护时长最多 24 小时：更长的中断属于故障，应记录为事件");
    });

    it("malformed fields: times without an offset, a short description, a bad request id", async () => {
      const before = await slaAdminWriteCounts();
      const r = await refusal(sla().scheduleMaintenance({ startsAt: "2026-12-05 02:00", endsAt: "tomorrow", description: "x", idempotencyKey: "no" }));
      expect(r.code).toBe("BAD_REQUEST");
      expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["description", "endsAt", "idempotencyKey", "startsAt"]);
      expect(r.fieldErrors?.description).toEqual(["Describe the maintenance in 5 to 500 characters: customers read it in the announcement"]);
      expect(r.fieldErrors?.startsAt).toEqual(["Enter a date and time in ISO 8601 with an offset, e.g. 2026-12-05T02:00:00+08:00"]);
      expect(await slaAdminWriteCounts()).toEqual(before);
    });

    it("a direct caller is held to the same rules", async () => {
      const input = { startsAt: new Date("2026-12-05T18:00:00Z"), endsAt: new Date("2026-12-05T18:00:00Z"), description: "  ok  ", idempotencyKey: randomUUID() };
      await expect(scheduleMaintenance(operatorActor, input)).rejects.toMatchObject({ code: "BAD_INPUT" });
    });
  });
});

describe("cancelMaintenance", () => {
  it("cancels a window not yet begun: title prefixed, announcement taken down now, audited with the reason", async () => {
    const { window } = await sla().scheduleMaintenance(request("2026-12-12T18:00:00Z", "2026-12-12T19:00:00Z"));
    const cancelled = await sla().cancelMaintenance({ id: window.id, reason: "Vendor postponed the upgrade" });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledAt: NOW, excludedFromSla: false });
    expect(cancelled.announcement).toMatchObject({ title: "已取消 Cancelled: 计划维护 Scheduled maintenance 2026-12-13 02:00–03:00 (UTC+8)", takeDownAt: NOW });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "sla.maintenance.cancel", targetId: window.id } });
    expect(audit.details).toEqual({ window: "2026-12-13 02:00–03:00 (UTC+8)", reason: "Vendor postponed the upgrade", before: "scheduled", after: "cancelled" });
    // Its slot is free again.
    expect((await sla().scheduleMaintenance(request("2026-12-12T18:30:00Z", "2026-12-12T19:30:00Z"))).created).toBe(true);
  });

  it("refuses a window already cancelled, one already started, an unknown id and a missing reason, writing nothing", async () => {
    const { window: done } = await sla().scheduleMaintenance(request("2026-12-14T18:00:00Z", "2026-12-14T19:00:00Z"));
    await sla().cancelMaintenance({ id: done.id, reason: "Not needed any more" });
    const { window: started } = await sla().scheduleMaintenance(request("2026-12-01T00:30:00Z", "2026-12-01T01:30:00Z"));
    const before = await slaAdminWriteCounts();
    expect(await refusal(sla().cancelMaintenance({ id: done.id, reason: "Cancel again" }))).toMatchObject({
      code: "CONFLICT",
      message: "The maintenance of 2026-12-15 02:00–03:00 (UTC+8) was already cancelled",
    });
    const restore = setClock(new Date("2026-12-01T00:30:00Z"));
    try {
      expect(await refusal(sla().cancelMaintenance({ id: started.id, reason: "Too late now" }))).toMatchObject({
        code: "CONFLICT",
        message: "The maintenance of 2026-12-01 08:30–09:30 (UTC+8) has already started and can no longer be cancelled",
      });
    } finally {
      restore();
    }
    expect(await refusal(sla().cancelMaintenance({ id: "no-such-window", reason: "Whatever it is" }))).toMatchObject({ code: "NOT_FOUND", message: "Maintenance window not found" });
    expect((await refusal(sla().cancelMaintenance({ id: started.id, reason: "  no " }))).fieldErrors).toEqual({
      reason: ["Give a reason of 5 to 500 characters: it is kept in the operation log"],
    });
    expect(await slaAdminWriteCounts()).toEqual(before);
    expect((await db.maintenanceWindow.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("scheduled");
  });
});

describe("listMaintenance", () => {
  it("lists windows overlapping the range, soonest first, cancelled ones only when asked", async () => {
    const range = { from: "2026-12-12T00:00:00Z", to: "2026-12-15T00:00:00Z" };
    const scheduled = await sla().maintenance(range);
    expect(scheduled.map((w) => [w.startsAt.toISOString(), w.status])).toEqual([["2026-12-12T18:30:00.000Z", "scheduled"]]);
    const all = await sla().maintenance({ ...range, includeCancelled: true });
    expect(all.map((w) => w.status)).toEqual(["cancelled", "scheduled", "cancelled"]);
    expect(all.map((w) => w.startsAt.toISOString())).toEqual(["2026-12-12T18:00:00.000Z", "2026-12-12T18:30:00.000Z", "2026-12-14T18:00:00.000Z"]);
    expect((await sla().maintenance({})).every((w) => w.status === "scheduled")).toBe(true);
    // A window ending exactly at `from` is not in the range.
    expect(await sla().maintenance({ from: "2026-12-04T20:00:00Z", to: "2026-12-04T21:00:00Z" })).toEqual([]);
  });

  it("refuses a range ending before it starts and malformed times", async () => {
    expect(await refusal(sla().maintenance({ from: "2026-12-15T00:00:00Z", to: "2026-12-12T00:00:00Z" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "The end of the range must be after its start",
    });
    expect((await refusal(sla().maintenance({ from: "yesterday" }))).fieldErrors).toHaveProperty("from");
  });
});
