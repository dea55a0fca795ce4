import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCallerFactory } from "@/server/trpc/init";
import { makeContext } from "@/server/trpc/context";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { seedAuditWorld } from "@/server/audit/audit-test-fixtures";
import { describeMatrix, OK } from "@/server/test/authz";
import { stripeRouter } from "./router";
import { configureStripe, customerWithOrder, stripeRecorder, webhookWriteCounts } from "./stripe-test-fixtures";

// Each Stripe procedure × each kind of caller. The router is called on its own, so this test does
// not depend on where billing/router.ts mounts it.
let stripe: Awaited<ReturnType<typeof stripeRecorder>>;
let world: Awaited<ReturnType<typeof seedAuditWorld>>;
let mine: Awaited<ReturnType<typeof customerWithOrder>>;
let theirs: Awaited<ReturnType<typeof customerWithOrder>>;

const callerFor = (user: SessionUser | null) => createCallerFactory(stripeRouter)(makeContext(user));

beforeAll(async () => {
  stripe = await stripeRecorder();
  configureStripe(stripe.url);
  world = await seedAuditWorld();
  [mine, theirs] = [await customerWithOrder(), await customerWithOrder()];
});
afterAll(async () => {
  configureStripe(null);
  await stripe.close();
});
beforeEach(() => {
  stripe.requests.length = 0;
});

type Who = "anonymous" | "tenant_admin" | "other_tenant_admin" | "reseller" | "operator";
const who = (w: Who): SessionUser | null =>
  w === "anonymous"
    ? null
    : { tenant_admin: mine.user, other_tenant_admin: theirs.user, reseller: world.users.reseller, operator: world.users.operator }[w];

const orderState = () =>
  db.order.findUniqueOrThrow({ where: { id: mine.order.id }, select: { method: true, status: true, stripeSessionId: true } });

/** Runs a call; when it is refused, proves that it reached neither Stripe nor the database. */
async function refusedWritesNothing(call: () => Promise<unknown>): Promise<unknown> {
  const before = { counts: await webhookWriteCounts(), order: await orderState() };
  try {
    return await call();
  } catch (e) {
    expect(stripe.requests).toHaveLength(0);
    expect({ counts: await webhookWriteCounts(), order: await orderState() }).toEqual(before);
    throw e;
  }
}

describeMatrix<Who>(
  "stripe procedures × roles",
  {
    status: (w) => refusedWritesNothing(() => callerFor(who(w)).status()),
    // Always `mine`'s order: the other tenant's admin must not be able to reach it.
    checkout: (w) => refusedWritesNothing(() => callerFor(who(w)).checkout({ orderId: mine.order.id })),
  },
  {
    status: { anonymous: "UNAUTHORIZED", tenant_admin: OK, other_tenant_admin: OK, reseller: OK, operator: OK },
    checkout: { anonymous: "UNAUTHORIZED", tenant_admin: OK, other_tenant_admin: "NOT_FOUND", reseller: "FORBIDDEN", operator: "FORBIDDEN" },
  },
);

describe("stripe procedures", () => {
  it("status tells whether card payment is offered", async () => {
    expect(await callerFor(mine.user).status()).toEqual({ enabled: true });
    configureStripe(null);
    try {
      expect(await callerFor(mine.user).status()).toEqual({ enabled: false });
      await expect(callerFor(mine.user).checkout({ orderId: mine.order.id })).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    } finally {
      configureStripe(stripe.url);
    }
  });

  it("refuses a missing or absurd order id with a field error and no call to Stripe", async () => {
    for (const orderId of ["", " ", "x".repeat(192)]) {
      const e = await callerFor(mine.user).checkout({ orderId }).catch((err: unknown) => err);
      expect(e).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(stripe.requests).toHaveLength(0);
  });
});
