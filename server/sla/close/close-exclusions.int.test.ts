import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { MINUTE_MS } from "../rules/constants";
import { closeSlaMonth } from "./close-month";
import { CLOSE_AT, createPayingTenant, minutesFrom } from "./sla-close-test-fixtures";

// The month close against the contract's exclusions and its other promises, one month per
// scenario: maintenance announced in time (excluded) or late (counted), an outage an operator
// classified as force majeure, a customer-caused incident that excuses only its own tenant,
// failures of some mailboxes under the 10 % rule, latency from the daily roll-ups.

let tenantId: string;
let other: string;
let restore: () => void;

/** A healthy sample at the month's first minute (there is evidence), and `failed` minutes failing. */
async function samples(month: string, failed: number[], extra: { tenantId?: string; affected?: number } = {}) {
  const first = new Date(`${month}-02T00:00:00Z`).getTime() / MINUTE_MS;
  await db.probeSample.createMany({
    data: [
      { probe: "smtp_mx" as const, target: "mx", location: "p1", ok: true, latencyMs: 10, at: new Date(first * MINUTE_MS) },
      ...failed.map((m) => ({ probe: "smtp_mx" as const, target: "mx", location: "p1", ok: false, error: "connect ECONNREFUSED", at: new Date(m * MINUTE_MS + 1_000), tenantId: extra.tenantId ?? null, affected: extra.affected ?? null })),
    ],
  });
}

/** Closes `month` as the job would, two days after it ended (samples are kept 90 days). */
async function closeAfter(month: string) {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const undo = setClock(new Date(Date.UTC(y, m, 2, 3)));
  try {
    return await closeSlaMonth({ month, trigger: "cli" });
  } finally {
    undo();
  }
}

const monthOf = async (month: string, id = tenantId) => db.slaMonth.findUniqueOrThrow({ where: { tenantId_month: { tenantId: id, month } } });

beforeAll(async () => {
  tenantId = (await createPayingTenant("例外测试", 30_000, "2026-04")).tenant.id;
  other = (await createPayingTenant("旁观者", 30_000, "2026-04")).tenant.id;
  restore = setClock(CLOSE_AT);

});
afterAll(() => restore());

describe("exclusions", () => {
  it("maintenance announced 24 hours ahead is excluded; announced 2 hours ahead it is not", async () => {
    const start = "2026-06-10T18:00:00.000Z";
    await samples("2026-06", minutesFrom(start, 50));
    const window = { startsAt: new Date(start), endsAt: new Date(new Date(start).getTime() + 60 * MINUTE_MS), description: "database upgrade" };
    await db.maintenanceWindow.create({ data: { ...window, announcedAt: new Date(new Date(start).getTime() - 24 * 3_600_000), idempotencyKey: "mw-on-time" } });
    await closeAfter("2026-06");
    expect(await monthOf("2026-06")).toMatchObject({ status: "met", interruptionMinutes: 0 });

    const late = "2026-07-10T18:00:00.000Z";
    await samples("2026-07", minutesFrom(late, 50));
    await db.maintenanceWindow.create({ data: { ...window, startsAt: new Date(late), endsAt: new Date(new Date(late).getTime() + 60 * MINUTE_MS), announcedAt: new Date(new Date(late).getTime() - 2 * 3_600_000), idempotencyKey: "mw-late" } });
    await closeAfter("2026-07");
    expect(await monthOf("2026-07")).toMatchObject({ status: "breached", interruptionMinutes: 50 });
  });

  it("an outage classified as force majeure is excluded for everyone; a customer's fault only for that customer", async () => {
    const start = "2026-05-10T18:00:00.000Z";
    await samples("2026-05", minutesFrom(start, 50));
    const span = { startsAt: new Date(start), endsAt: new Date(new Date(start).getTime() + 50 * MINUTE_MS) };
    await db.incident.create({ data: { ...span, kind: "outage", cause: "customer", reason: "their firewall blocked our MX", summary: "customer firewall", tenantId } });
    await closeAfter("2026-05");
    expect(await monthOf("2026-05")).toMatchObject({ status: "met" });
    expect(await monthOf("2026-05", other)).toMatchObject({ status: "breached", interruptionMinutes: 50 });

    await db.incident.create({ data: { ...span, kind: "outage", cause: "force_majeure", reason: "typhoon cut the data centre's power feed", summary: "typhoon" } });
    await closeAfter("2026-05");
    expect(await monthOf("2026-05", other)).toMatchObject({ status: "met", interruptionMinutes: 0 });
    expect(await db.slaBreach.count({ where: { month: "2026-05" } })).toBe(0);
  });
});

describe("the other promises", () => {
  it("failures of some mailboxes count where they are 10 % of the tenant's active mailboxes", async () => {
    // Neither tenant has mailboxes: with no users, nobody was unable to use the service.
    await samples("2026-03", minutesFrom("2026-03-10T18:00:00.000Z", 50), { tenantId, affected: 3 });
    await closeAfter("2026-03");
    expect(await monthOf("2026-03")).toMatchObject({ status: "met", interruptionMinutes: 0 });
  });

  it("latency comes from the daily roll-ups: one message over an hour breaches, and is not credited", async () => {
    const histogram = [5, 0, 0, 0, 0, 0, 0, 0, 1];
    await db.latencyRollup.create({ data: { tenantId, day: new Date("2026-04-15T00:00:00Z"), direction: "outbound", messages: 6, sumMs: 3_605_000n, maxMs: 3_601_000, overHour: 1, histogram } });
    await samples("2026-04", []);
    await closeAfter("2026-04");
    expect(await monthOf("2026-04")).toMatchObject({ status: "breached", breaches: 1 });
    const breach = await db.slaBreach.findFirstOrThrow({ where: { tenantId, month: "2026-04" } });
    expect(breach).toMatchObject({ promise: "sendLatency", measured: "mean 600.834 s, max 3601.000 s" });
    expect(await db.slaCredit.count({ where: { tenantId, month: "2026-04" } })).toBe(0);
    expect(await monthOf("2026-04", other)).toMatchObject({ status: "met" });
  });
});
