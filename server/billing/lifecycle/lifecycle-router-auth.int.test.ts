import { beforeAll, describe, expect, it } from "vitest";
import { describeMatrix, OK, type Outcome } from "@/server/test/authz";
import { createCallerFactory, router } from "@/server/trpc/init";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { seedAuditWorld } from "@/server/audit/audit-test-fixtures";
import { lifecycleRouter } from "./router";
import { seedTenant } from "./lifecycle-test-fixtures";
import { SUCCESSFUL_AUDITS } from "@/server/test/audit-counts";

// Each lifecycle procedure × each kind of caller. The operator procedures act on any tenant and
// are closed to every other role; `reminder` reads only the caller's own tenant (no id to pass).
let world: Awaited<ReturnType<typeof seedAuditWorld>>;
beforeAll(async () => {
  world = await seedAuditWorld();
});

type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { tenant_admin: world.users.adminA, reseller: world.users.reseller, operator: world.users.operator }[w];
const lifecycle = (u: SessionUser | null) => createCallerFactory(router({ lifecycle: lifecycleRouter }))(makeContext(u)).lifecycle;

// A fresh tenant in the state each action needs, so an allowed call succeeds.
const states = {
  suspend: { status: "active" },
  unsuspend: { status: "suspended", suspendedReason: "operator" },
  terminate: { status: "suspended", suspendedReason: "non_payment" },
  restore: { status: "frozen", suspendedReason: "operator" },
} as const;

const operatorOnly = { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: OK } as const;
const matrix: Record<keyof typeof states | "reminder", Record<Who, Outcome>> = {
  suspend: operatorOnly,
  unsuspend: operatorOnly,
  terminate: operatorOnly,
  restore: operatorOnly,
  reminder: { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: "FORBIDDEN", operator: "FORBIDDEN" },
};

const snapshot = async (tenantId: string) => ({
  tenant: await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { status: true, suspendedReason: true, frozenUntil: true } }),
  audits: await db.auditEvent.count(SUCCESSFUL_AUDITS),
});

/** Calls an operator action on a fresh tenant in the state it needs; a refused call must write nothing. */
const act = (name: keyof typeof states) => async (w: Who) => {
  const t = await seedTenant(states[name]);
  const before = await snapshot(t.tenantId);
  try {
    return await lifecycle(who(w))[name]({ tenantId: t.tenantId, reason: `by ${w}` });
  } catch (e) {
    expect(await snapshot(t.tenantId)).toEqual(before);
    throw e;
  }
};

describeMatrix<Who>(
  "lifecycle procedures × roles",
  {
    suspend: act("suspend"),
    unsuspend: act("unsuspend"),
    terminate: act("terminate"),
    restore: act("restore"),
    reminder: (w) => lifecycle(who(w)).reminder(),
  },
  matrix,
);

describe("a tenant admin and another tenant", () => {
  it("cannot act on another tenant, nor on its own, through the operator procedures", async () => {
    const target = await seedTenant({ status: "suspended", suspendedReason: "operator" });
    for (const tenantId of [target.tenantId, world.tenantA.id]) {
      await expect(lifecycle(world.users.adminA).unsuspend({ tenantId, reason: "mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db.tenant.findUniqueOrThrow({ where: { id: target.tenantId } })).status).toBe("suspended");
  });

  it("reads its own banner whatever it tries to pass", async () => {
    const call = lifecycle(world.users.adminA).reminder as unknown as (input: unknown) => Promise<{ suspendedForNonPayment: boolean }>;
    await db.tenant.update({ where: { id: world.tenantB.id }, data: { status: "suspended", suspendedReason: "non_payment" } });
    expect(await call({ tenantId: world.tenantB.id })).toMatchObject({ suspendedForNonPayment: false });
  });
});
