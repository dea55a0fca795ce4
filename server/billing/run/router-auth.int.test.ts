import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import type { SessionUser } from "@/server/auth/session-user";
import { createCallerFactory } from "@/server/trpc/init";
import { makeContext } from "@/server/trpc/context";
import { db } from "@/server/shared/db";
import { getQueue } from "@/server/shared/queues";
import { billingRunsRouter } from "./router";
import { clockAt, createBilledTenant, operatorUser, resellerUser, resetClock } from "./run-test-fixtures";

// Every billing-run procedure × every kind of caller. The lead mounts the router under billing;
// this calls it directly so the test does not depend on where it is mounted.
const callerFor = (user: SessionUser | null) => createCallerFactory(billingRunsRouter)(makeContext(user));

let admin: SessionUser;
let runId: string;

beforeAll(async () => {
  clockAt("2026-11-26T04:00:00Z");
  const t = await createBilledTenant({ billingStartMonth: "2026-06", balance: 100_000 });
  admin = { id: "admin-1", email: "admin@example.test", name: "Admin", role: "tenant_admin", tenantId: t.tenant.id, resellerId: null };
  runId = (await callerFor(operatorUser).start({ month: "2026-11", idempotencyKey: randomUUID() })).run.id;
  resetClock();
});
afterEach(() => resetClock());

type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null => (w === "anonymous" ? null : { tenant_admin: admin, reseller: resellerUser, operator: operatorUser }[w]);

const procedures: Record<string, (user: SessionUser | null) => Promise<unknown>> = {
  list: (u) => callerFor(u).list({ page: 1, pageSize: 10 }),
  get: (u) => callerFor(u).get({ runId }),
  start: (u) => {
    clockAt("2026-11-26T04:00:00Z");
    return callerFor(u).start({ month: "2026-11", idempotencyKey: randomUUID() });
  },
};

async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "ok";
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe("billing-run procedures × roles", () => {
  for (const name of Object.keys(procedures)) {
    const expected: Record<Who, string> = { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: "ok" };
    for (const [w, result] of Object.entries(expected) as [Who, string][]) {
      it(`runs.${name} called by ${w} → ${result}`, async () => {
        expect(await outcome(() => procedures[name]!(who(w)))).toBe(result);
      });
    }
  }
});

describe("billing-run procedures for an operator", () => {
  it("start creates the run, queues its job under the run's id, and a retry returns the same run", async () => {
    expect(await getQueue("billingRun").getJob(runId)).toBeTruthy();
    clockAt("2026-11-26T04:00:30Z"); // the run's heartbeat is fresh: it counts as in progress
    const again = await callerFor(operatorUser).start({ month: "2026-11", idempotencyKey: randomUUID() });
    expect(again).toMatchObject({ outcome: "running", run: { id: runId } });
    expect(await db.billingRun.count({ where: { month: "2026-11" } })).toBe(1);
  });

  it("get shows progress and list pages the runs newest first", async () => {
    expect(await callerFor(operatorUser).get({ runId })).toMatchObject({ id: runId, month: "2026-11", tenantsTotal: 1, processed: 0, progress: 0, status: "running" });
    const page = await callerFor(operatorUser).list({ page: 1, pageSize: 10 });
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(page.items.map((r) => r.id)).toEqual([runId]);
    expect((await callerFor(operatorUser).list({ page: 1, pageSize: 10, month: "2026-10" })).items).toEqual([]);
    await expect(callerFor(operatorUser).get({ runId: "no-such-run" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Billing run not found" });
  });

  it("refuses a bad month or request key with a clear error and writes nothing", async () => {
    clockAt("2026-11-26T04:00:00Z");
    const before = await db.billingRun.count();
    await expect(callerFor(operatorUser).start({ month: "2026-13", idempotencyKey: randomUUID() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"2026-13" has no month 13: months run from 01 to 12',
    });
    await expect(callerFor(operatorUser).start({ month: "2031-01", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("too far ahead") });
    await expect(callerFor(operatorUser).start({ month: "2026-11", idempotencyKey: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(operatorUser).list({ page: 0, pageSize: 10 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.billingRun.count()).toBe(before);
  });
});
