// Shared by the domains integration tests: tenants with plans, a tRPC caller over domainsRouter,
// refusals as {code, message, fieldErrors}, and counts of every row a domains write touches.
// Not imported by application code.
import type { SubscriptionStatus } from "@/server/generated/prisma/client.ts";
import type { SessionUser } from "@/server/auth/session-user";
import { createBillingTenant, createPlan } from "@/server/billing/billing-test-fixtures";
import { db } from "@/server/shared/db";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { domainsRouter } from "./router";

export { operatorActor, operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";

const testRouter = router({ domains: domainsRouter });
export const callerFor = (user: SessionUser | null) => createCallerFactory(testRouter)(makeContext(user)).domains;

/** A tenant and its admin; with `domainsPerTenant`, a subscription (active unless told) to a plan allowing that many. */
export async function createDomainTenant(name: string, domainsPerTenant?: number, status: SubscriptionStatus = "active") {
  const t = await createBillingTenant(name);
  if (domainsPerTenant !== undefined) {
    const plan = await createPlan();
    await db.plan.update({ where: { id: plan.id }, data: { domainsPerTenant } });
    await db.subscription.create({
      data: { tenantId: t.tenant.id, planId: plan.id, seats: 5, pricePerSeatYear: plan.pricePerSeatYear, currency: "CNY", status },
    });
  }
  return t;
}

export { refusal } from "@/server/test/authz";

export async function domainWriteCounts() {
  const [domains, keys, audits] = await Promise.all([
    db.domain.count(),
    db.dkimKey.count(),
    db.auditEvent.count({ where: { OR: [{ action: { startsWith: "domain." } }, { action: { startsWith: "dkim." } }] } }),
  ]);
  return { domains, keys, audits };
}

let seq = 0;
/** A fresh, valid domain name for tests that only need "some domain". */
export const uniqueName = (prefix = "d") => `${prefix}${++seq}-${Date.now().toString(36)}.example.com`;
