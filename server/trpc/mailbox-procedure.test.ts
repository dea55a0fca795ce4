import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createCallerFactory, router } from "./init";
import { authedProcedure, customerProcedure, mailboxProcedure, operatorProcedure, resellerProcedure } from "./procedures";
import { actorOf, makeContext } from "./context";
import type { SessionUser } from "@/server/auth/session-user";

// The mailbox user's tier against the others: a mailbox session reaches mailboxProcedure only,
// and no account role reaches mailboxProcedure.
const tiers = router({
  authed: authedProcedure.query(() => "ok"),
  customer: customerProcedure.query(() => "ok"),
  reseller: resellerProcedure.query(() => "ok"),
  operator: operatorProcedure.query(() => "ok"),
  mailbox: mailboxProcedure.query(({ ctx }) => `${ctx.tenantId}/${ctx.mailboxId}`),
});
const call = async (user: SessionUser | null, tier: keyof typeof tiers._def.procedures) => {
  try {
    return String(await createCallerFactory(tiers)(makeContext(user))[tier]());
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
};

const mailboxUser: SessionUser = { id: "m1", email: "u@x.cn", name: "U", role: "mailbox_user", tenantId: "t1", resellerId: null, mailboxId: "m1" };
const admin: SessionUser = { id: "u1", email: "a@x.cn", name: "A", role: "tenant_admin", tenantId: "t1", resellerId: null };

describe("mailboxProcedure", () => {
  it("lets a mailbox user in, scoped to their mailbox and tenant", async () => {
    expect(await call(mailboxUser, "mailbox")).toBe("t1/m1");
  });

  it.each(["authed", "customer", "reseller", "operator"] as const)("refuses a mailbox user on the %s tier", async (tier) => {
    expect(await call(mailboxUser, tier)).toBe("FORBIDDEN");
  });

  it("refuses anonymous callers, accounts and a mailbox session without its mailbox or tenant", async () => {
    expect(await call(null, "mailbox")).toBe("UNAUTHORIZED");
    for (const role of ["tenant_admin", "reseller", "operator"] as const) expect(await call({ ...admin, role }, "mailbox")).toBe("FORBIDDEN");
    expect(await call({ ...mailboxUser, mailboxId: null }, "mailbox")).toBe("FORBIDDEN");
    expect(await call({ ...mailboxUser, tenantId: null }, "mailbox")).toBe("FORBIDDEN");
  });

  it("logs a mailbox user's actions without an account role", () => {
    expect(actorOf(makeContext(mailboxUser, "192.0.2.1"))).toEqual({ id: "m1", email: "u@x.cn", role: null, tenantId: "t1", resellerId: null, ip: "192.0.2.1" });
  });
});
