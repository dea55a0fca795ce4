import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { router, createCallerFactory } from "./init";
import { authedProcedure, customerProcedure, operatorProcedure, publicProcedure, resellerProcedure } from "./procedures";
import { makeContext } from "./context";
import type { SessionUser } from "@/server/auth/session-user";

// A router with one procedure per tier, so the matrix tests the tiers themselves.
const tiers = router({
  public: publicProcedure.query(() => "ok"),
  authed: authedProcedure.query(({ ctx }) => ctx.user.id),
  customer: customerProcedure.query(({ ctx }) => ctx.tenantId),
  reseller: resellerProcedure.query(({ ctx }) => ctx.resellerId),
  operator: operatorProcedure.query(({ ctx }) => ctx.user.id),
});
const callerFor = (user: SessionUser | null) => createCallerFactory(tiers)(makeContext(user));

const users = {
  anonymous: null,
  tenant_admin: { id: "u1", email: "a@t.local", name: "A", role: "tenant_admin", tenantId: "t1", resellerId: null },
  reseller: { id: "u2", email: "r@r.local", name: "R", role: "reseller", tenantId: null, resellerId: "r1" },
  operator: { id: "u3", email: "o@o.local", name: "O", role: "operator", tenantId: null, resellerId: null },
} satisfies Record<string, SessionUser | null>;

type Who = keyof typeof users;
type Tier = "public" | "authed" | "customer" | "reseller" | "operator";

// Expected outcome of each tier for each caller: a value, UNAUTHORIZED or FORBIDDEN.
const matrix: Record<Tier, Record<Who, string>> = {
  public: { anonymous: "ok", tenant_admin: "ok", reseller: "ok", operator: "ok" },
  authed: { anonymous: "UNAUTHORIZED", tenant_admin: "u1", reseller: "u2", operator: "u3" },
  customer: { anonymous: "UNAUTHORIZED", tenant_admin: "t1", reseller: "FORBIDDEN", operator: "FORBIDDEN" },
  reseller: { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "r1", operator: "FORBIDDEN" },
  operator: { anonymous: "UNAUTHORIZED", tenant_admin: "FORBIDDEN", reseller: "FORBIDDEN", operator: "u3" },
};

async function outcome(tier: Tier, who: Who): Promise<string> {
  try {
    return String(await callerFor(users[who])[tier]());
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe("procedure tiers", () => {
  for (const tier of Object.keys(matrix) as Tier[]) {
    for (const who of Object.keys(users) as Who[]) {
      it(`${tier} procedure called by ${who} → ${matrix[tier][who]}`, async () => {
        expect(await outcome(tier, who)).toBe(matrix[tier][who]);
      });
    }
  }

  it("refuses a tenant admin whose session has no tenant", async () => {
    const broken = { ...users.tenant_admin, tenantId: null };
    await expect(callerFor(broken).customer()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a reseller whose session has no reseller", async () => {
    const broken = { ...users.reseller, resellerId: null };
    await expect(callerFor(broken).reseller()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
