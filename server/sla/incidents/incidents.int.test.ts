import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { callerFor, operatorActor, operatorUser, refusal, slaAdminWriteCounts } from "../sla-admin-test-fixtures";
import type { TRecordIncidentRequest } from "./incident.types";
import { recordIncident } from "./record-incident";

const NOW = new Date("2026-12-10T00:00:00Z");
const sla = () => callerFor(operatorUser).sla;
type Request = Omit<TRecordIncidentRequest, "startsAt" | "endsAt"> & { startsAt: string; endsAt?: string | null };
const request = (more: Partial<Request> = {}): Request => ({
  kind: "outage",
  cause: "platform",
  summary: "Mail store unreachable after a switch failure",
  startsAt: "2026-12-09T10:00:00Z",
  endsAt: "2026-12-09T10:50:00Z",
  idempotencyKey: randomUUID(),
  ...more,
});
let tenantId: string;
let restoreClock: () => void;

beforeAll(async () => {
  restoreClock = setClock(NOW);
  tenantId = (await db.tenant.create({ data: { name: "星河贸易", timeZone: "Asia/Shanghai" } })).id;
});
afterAll(() => restoreClock());

describe("recordIncident", () => {
  it("records a platform incident, audited with before and after", async () => {
    const { incident, created } = await sla().recordIncident(request());
    expect(created).toBe(true);
    expect(incident).toMatchObject({ kind: "outage", cause: "platform", reason: null, tenantId: null, countsAgainstSla: true, createdById: operatorUser.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "sla.incident.record", targetId: incident.id } });
    expect(audit.details).toEqual({
      before: null,
      after: { kind: "outage", cause: "platform", reason: null, summary: "Mail store unreachable after a switch failure", startsAt: "2026-12-09T10:00:00.000Z", endsAt: "2026-12-09T10:50:00.000Z", tenantId: null },
    });
  });

  it("records an open power incident, a force-majeure one with its reason, and a customer's with its tenant", async () => {
    const open = await sla().recordIncident(request({ kind: "power", endsAt: null }));
    expect(open.incident).toMatchObject({ kind: "power", endsAt: null });
    const storm = await sla().recordIncident(request({ kind: "network", cause: "force_majeure", reason: "  Typhoon cut the uplink  " }));
    expect(storm.incident).toMatchObject({ reason: "Typhoon cut the uplink", countsAgainstSla: false });
    const customer = await sla().recordIncident(request({ cause: "customer", reason: "Their MX points at another provider", tenantId }));
    expect(customer.incident).toMatchObject({ tenantId, cause: "customer" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "sla.incident.record", targetId: customer.incident.id } });
    expect(audit.tenantId).toBe(tenantId);
  });

  it("returns the first incident for a retried request id, also for two at once, and refuses it for another incident", async () => {
    const first = request({ idempotencyKey: randomUUID() });
    const results = await Promise.all([sla().recordIncident(first), sla().recordIncident(first), sla().recordIncident(first)]);
    expect(new Set(results.map((r) => r.incident.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const before = await slaAdminWriteCounts();
    expect((await sla().recordIncident(first)).created).toBe(false);
    expect(await refusal(sla().recordIncident({ ...first, summary: "A different incident" }))).toMatchObject({
      code: "CONFLICT",
      message: "This request id was already used for a different incident",
    });
    expect(await slaAdminWriteCounts()).toEqual(before);
  });

  describe("refuses bad input with a clear message and writes nothing", () => {
    const cases: [string, () => Request, string, string][] = [
      ["a non-platform cause without a reason", () => request({ cause: "third_party" }), "BAD_REQUEST", "reason"],
      ["a reason of 4 characters", () => request({ cause: "force_majeure", reason: "rain" }), "BAD_REQUEST", "reason"],
      ["a customer cause without a tenant", () => request({ cause: "customer", reason: "Their MX points elsewhere" }), "BAD_REQUEST", "tenantId"],
      ["an end before the start", () => request({ endsAt: "2026-12-09T09:00:00Z" }), "BAD_REQUEST", "endsAt"],
      ["an end equal to the start", () => request({ endsAt: "2026-12-09T10:00:00Z" }), "BAD_REQUEST", "endsAt"],
      ["an end in the future", () => request({ endsAt: "2026-12-10T00:00:01Z" }), "BAD_REQUEST", "endsAt"],
      ["a start in the future", () => request({ startsAt: "2026-12-11T00:00:00Z", endsAt: null }), "BAD_REQUEST", "startsAt"],
      ["a short summary", () => request({ summary: "down" }), "BAD_REQUEST", "summary"],
      ["an unknown kind", () => request({ kind: "flood" as "power" }), "BAD_REQUEST", "kind"],
      ["an unknown cause", () => request({ cause: "gremlins" as "platform" }), "BAD_REQUEST", "cause"],
      ["a start without an offset", () => request({ startsAt: "2026-12-09 10:00" }), "BAD_REQUEST", "startsAt"],
    ];
    for (const [name, input, code, field] of cases) {
      it(name, async () => {
        const before = await slaAdminWriteCounts();
        const r = await refusal(sla().recordIncident(input()));
        expect(r.code).toBe(code);
        expect(Object.keys(r.fieldErrors ?? {})).toEqual([field]);
        expect(await slaAdminWriteCounts()).toEqual(before);
      });
    }

    it("names what is wrong, in either language", async () => {
      const r = await refusal(sla().recordIncident(request({ cause: "customer", reason: "Their MX points elsewhere" })), "zh-CN");
      expect(r.message).toBe("客户原因的事件须指明企业：一个客户造成的问题不能为平台对所有企业免责");
    });

    it("an unknown tenant → NOT_FOUND", async () => {
      const before = await slaAdminWriteCounts();
      expect(await refusal(sla().recordIncident(request({ tenantId: "no-such-tenant" })))).toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
      expect(await slaAdminWriteCounts()).toEqual(before);
    });

    it("a direct caller is held to the same rules", async () => {
      const input = { ...request({ cause: "third_party" }), startsAt: new Date("2026-12-09T10:00:00Z"), endsAt: null };
      await expect(recordIncident(operatorActor, input)).rejects.toMatchObject({ code: "BAD_INPUT", fieldErrors: { reason: [expect.stringMatching(/give the reason/)] } });
    });
  });
});

describe("updateIncident", () => {
  it("closes an open incident and reclassifies it with a reason, audited before and after", async () => {
    const { incident } = await sla().recordIncident(request({ kind: "power", endsAt: null }));
    const closed = await sla().updateIncident({ id: incident.id, endsAt: "2026-12-09T10:04:00Z" });
    expect(closed.endsAt).toEqual(new Date("2026-12-09T10:04:00Z"));
    const reclassified = await sla().updateIncident({ id: incident.id, cause: "third_party", reason: "The grid operator's substation failed" });
    expect(reclassified).toMatchObject({ cause: "third_party", countsAgainstSla: false });
    const audits = await db.auditEvent.findMany({ where: { action: "sla.incident.update", targetId: incident.id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.details)).toEqual([
      { before: expect.objectContaining({ endsAt: null }), after: expect.objectContaining({ endsAt: "2026-12-09T10:04:00.000Z" }) },
      { before: expect.objectContaining({ cause: "platform", reason: null }), after: expect.objectContaining({ cause: "third_party", reason: "The grid operator's substation failed" }) },
    ]);
    // Saving what is stored changes and audits nothing.
    await sla().updateIncident({ id: incident.id, cause: "third_party" });
    expect(await db.auditEvent.count({ where: { action: "sla.incident.update", targetId: incident.id } })).toBe(2);
    // Back to the platform: the reason may stay, as the note of what was thought.
    expect((await sla().updateIncident({ id: incident.id, cause: "platform" })).countsAgainstSla).toBe(true);
  });

  it("refuses what the stored incident would not allow, writing nothing", async () => {
    const { incident } = await sla().recordIncident(request({ endsAt: null }));
    const before = await slaAdminWriteCounts();
    const cases: [Parameters<ReturnType<typeof sla>["updateIncident"]>[0], string][] = [
      [{ id: incident.id, cause: "force_majeure" }, "reason"],
      [{ id: incident.id, cause: "customer", reason: "Their MX points elsewhere" }, "tenantId"],
      [{ id: incident.id, endsAt: "2026-12-09T10:00:00Z" }, "endsAt"],
      [{ id: incident.id, endsAt: "2026-12-09T09:59:59Z" }, "endsAt"],
      [{ id: incident.id, endsAt: "2026-12-10T00:00:00.001Z" }, "endsAt"],
      [{ id: incident.id, summary: "no" }, "summary"],
    ];
    for (const [input, field] of cases) {
      const r = await refusal(sla().updateIncident(input));
      expect([r.code, Object.keys(r.fieldErrors ?? {})]).toEqual(["BAD_REQUEST", [field]]);
    }
    expect(await refusal(sla().updateIncident({ id: "no-such-incident", endsAt: "2026-12-09T11:00:00Z" }))).toMatchObject({ code: "NOT_FOUND", message: "Incident not found" });
    expect(await slaAdminWriteCounts()).toEqual(before);
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).endsAt).toBeNull();
  });
});

describe("listIncidents", () => {
  it("filters by open, range and tenant (a tenant's list includes platform-wide incidents)", async () => {
    const all = await sla().incidents({});
    expect(all.length).toBeGreaterThan(5);
    expect((await sla().incidents({ open: true })).every((i) => i.endsAt === null)).toBe(true);
    expect((await sla().incidents({ open: false })).every((i) => i.endsAt !== null)).toBe(true);
    const mine = await sla().incidents({ tenantId });
    expect(mine.some((i) => i.tenantId === tenantId)).toBe(true);
    expect(mine.every((i) => i.tenantId === tenantId || i.tenantId === null)).toBe(true);
    // Each row names its tenant for the operators' list; a platform-wide one has none.
    const { name } = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } });
    expect(mine.filter((i) => i.tenantId === tenantId).every((i) => i.tenantName === name)).toBe(true);
    expect(mine.filter((i) => i.tenantId === null).every((i) => i.tenantName === null)).toBe(true);
    // Everything so far started on 12-09 10:00; closed ones ended by 10:50, open ones run on.
    const late = await sla().incidents({ from: "2026-12-09T11:00:00Z" });
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((i) => i.endsAt === null)).toBe(true);
    expect(await sla().incidents({ to: "2026-12-09T10:00:00Z" })).toEqual([]);
  });

  it("refuses an unknown tenant and a backwards range", async () => {
    expect(await refusal(sla().incidents({ tenantId: "no-such-tenant" }))).toMatchObject({ code: "NOT_FOUND", message: "Tenant not found" });
    expect(await refusal(sla().incidents({ from: "2026-12-10T00:00:00Z", to: "2026-12-09T00:00:00Z" }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
