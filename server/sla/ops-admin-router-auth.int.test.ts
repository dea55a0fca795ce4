import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/auth/session-user";
import { createBillingTenant, createPlan } from "@/server/billing/billing-test-fixtures";
import { setClock } from "@/server/shared/clock";
import { describeMatrix, OK, outcome, type Outcome } from "@/server/test/authz";
import { callerFor, operatorUser, refusal, resellerUser, slaAdminWriteCounts } from "./sla-admin-test-fixtures";

// Each procedure of the operators' SLA router × each kind of caller, then each procedure that
// takes an id with an id that does not exist.
let admin: SessionUser;
let tenantId: string;
let planId: string;
let windowId: string;
let incidentId: string;
let restoreClock: () => void;

beforeAll(async () => {
  restoreClock = setClock(new Date("2026-12-01T00:00:00Z"));
  ({ admin } = await createBillingTenant("Alpha"));
  tenantId = admin.tenantId!;
  planId = (await createPlan()).id;
  const sla = callerFor(operatorUser).sla;
  windowId = (await sla.scheduleMaintenance({ startsAt: "2026-12-20T18:00:00Z", endsAt: "2026-12-20T19:00:00Z", description: "Fixture window", idempotencyKey: randomUUID() })).window.id;
  incidentId = (await sla.recordIncident({ kind: "outage", cause: "platform", summary: "Fixture outage", startsAt: "2026-11-30T10:00:00Z", idempotencyKey: randomUUID() })).incident.id;
});
afterAll(() => restoreClock());

type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null => (w === "anonymous" ? null : { tenant_admin: admin, reseller: resellerUser, operator: operatorUser }[w]);
// Each operator call of a write must succeed on its own, so each makes its own object.
let day = 0;
const nextWindow = () => {
  day += 1;
  const start = new Date(Date.UTC(2027, 0, day, 18));
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), description: "Matrix window", idempotencyKey: randomUUID() };
};

const calls: Record<string, (w: Who) => Promise<unknown>> = {
  scheduleMaintenance: (w) => callerFor(who(w)).sla.scheduleMaintenance(nextWindow()),
  cancelMaintenance: async (w) => {
    const id = w === "operator" ? (await callerFor(operatorUser).sla.scheduleMaintenance(nextWindow())).window.id : windowId;
    return callerFor(who(w)).sla.cancelMaintenance({ id, reason: "Matrix cancel" });
  },
  maintenance: (w) => callerFor(who(w)).sla.maintenance({}),
  recordIncident: (w) => callerFor(who(w)).sla.recordIncident({ kind: "power", cause: "platform", summary: "Matrix incident", startsAt: "2026-11-30T00:00:00Z", idempotencyKey: randomUUID() }),
  updateIncident: (w) => callerFor(who(w)).sla.updateIncident({ id: incidentId, summary: `Fixture outage seen by ${w}` }),
  incidents: (w) => callerFor(who(w)).sla.incidents({ tenantId }),
  targets: (w) => callerFor(who(w)).sla.targets({ planId }),
  updateTargets: (w) => callerFor(who(w)).sla.updateTargets({ planId, targets: { powerPpm: 999_800 } }),
};

const operatorOnly: Record<Who, Outcome> = { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: OK };

describeMatrix<Who>("sla admin × roles", calls, Object.fromEntries(Object.keys(calls).map((name) => [name, operatorOnly])));

describe("refused callers", () => {
  it("write nothing", async () => {
    const before = await slaAdminWriteCounts();
    for (const w of ["anonymous", "tenant_admin", "reseller"] as const) {
      for (const name of ["scheduleMaintenance", "cancelMaintenance", "recordIncident", "updateIncident", "updateTargets"]) await outcome(() => calls[name]!(w));
    }
    expect(await slaAdminWriteCounts()).toEqual(before);
  });
});

describe("an operator naming something that does not exist", () => {
  const sla = () => callerFor(operatorUser).sla;
  for (const [name, call, message] of [
    ["cancelMaintenance", () => sla().cancelMaintenance({ id: "no-such-window", reason: "Unknown window" }), "Maintenance window not found"],
    ["updateIncident", () => sla().updateIncident({ id: "no-such-incident", summary: "Unknown incident" }), "Incident not found"],
    ["recordIncident (tenant)", () => sla().recordIncident({ kind: "outage", cause: "platform", summary: "Unknown tenant", startsAt: "2026-11-30T00:00:00Z", tenantId: "no-such-tenant", idempotencyKey: randomUUID() }), "Tenant not found"],
    ["incidents (tenant)", () => sla().incidents({ tenantId: "no-such-tenant" }), "Tenant not found"],
    ["targets", () => sla().targets({ planId: "no-such-plan" }), "Plan not found"],
    ["updateTargets", () => sla().updateTargets({ planId: "no-such-plan", targets: {} }), "Plan not found"],
  ] as const) {
    it(`${name} → NOT_FOUND`, async () => {
      expect(await refusal(call())).toMatchObject({ code: "NOT_FOUND", message });
    });
  }

  it("ids are required", async () => {
    expect((await refusal(sla().cancelMaintenance({ id: " ", reason: "No id given" }))).fieldErrors).toEqual({ id: ["Choose a maintenance window"] });
    expect((await refusal(sla().updateIncident({ id: "" }))).fieldErrors).toEqual({ id: ["Choose an incident"] });
    expect((await refusal(sla().targets({ planId: "" }))).fieldErrors).toEqual({ planId: ["Choose a plan"] });
  });
});
