import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { OK, outcome } from "@/server/test/authz";
import { seedAuditWorld } from "@/server/audit/audit-test-fixtures";
import { createPlan } from "./create-plan";
import { newPlanInput, operatorActor, planWriteCounts } from "./plan-test-fixtures";

// Each plans procedure × each kind of caller. Plans belong to the platform, not to a tenant,
// so there is no other tenant's id to try: the operator procedures are closed to every other role.
let world: Awaited<ReturnType<typeof seedAuditWorld>>;
let planId: string;
let withdrawnId: string;

beforeAll(async () => {
  world = await seedAuditWorld();
  planId = (await createPlan(operatorActor, newPlanInput())).id;
  withdrawnId = (await createPlan(operatorActor, newPlanInput({ pricePerSeatYear: 1 }))).id;
  await db.plan.update({ where: { id: withdrawnId }, data: { active: false } });
});

type Who = "anonymous" | "tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous" ? null : { tenant_admin: world.users.adminA, reseller: world.users.reseller, operator: world.users.operator }[w];
const plans = (u: SessionUser | null) => createCaller(makeContext(u)).billing.plans;

const procedures: Record<string, (user: SessionUser | null) => Promise<unknown>> = {
  list: (u) => plans(u).list(),
  catalogue: (u) => plans(u).catalogue(),
  create: (u) => plans(u).create(newPlanInput()),
  update: (u) => plans(u).update({ id: planId, name: `Edited by ${u?.role ?? "nobody"}` }),
  priceHistory: (u) => plans(u).priceHistory({ planId }),
};

const operatorOnly = { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: OK };
const matrix: Record<keyof typeof procedures, Record<Who, string>> = {
  list: operatorOnly,
  catalogue: { anonymous: "UNAUTHORIZED", tenant_admin: OK, reseller: OK, operator: OK },
  create: operatorOnly,
  update: operatorOnly,
  priceHistory: operatorOnly,
};

describe("plans procedures × roles", () => {
  for (const [name, expected] of Object.entries(matrix)) {
    for (const [w, result] of Object.entries(expected) as [Who, string][]) {
      it(`billing.plans.${name} called by ${w} → ${result}`, async () => {
        const before = await planWriteCounts();
        expect(await outcome(() => procedures[name]!(who(w)))).toBe(result);
        // A refused call writes nothing.
        if (result !== OK) expect(await planWriteCounts()).toEqual(before);
      });
    }
  }
});

describe("the catalogue", () => {
  it("shows every signed-in role the plans on sale, never a withdrawn one", async () => {
    for (const w of ["tenant_admin", "reseller", "operator"] as const) {
      const ids = (await plans(who(w)).catalogue()).map((p) => p.id);
      expect(ids, w).toContain(planId);
      expect(ids, w).not.toContain(withdrawnId);
    }
  });

  it("refuses a tenant admin who tries to restore a withdrawn plan", async () => {
    await expect(plans(world.users.adminA).update({ id: withdrawnId, active: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.plan.findUniqueOrThrow({ where: { id: withdrawnId } })).active).toBe(false);
  });
});
