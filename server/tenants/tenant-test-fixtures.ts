// Shared by the console ([Console] issue 6) integration tests: a tenant with a paid (active)
// subscription of N seats and a domain, the callers of the authorisation matrix, a tRPC caller
// over the tenants router, and counts of every row a console write touches.
// Not imported by application code. Keep these exports stable: several areas import them.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/auth/session-user";
import { createBillingTenant, createPlan, operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
import { expect } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { refusal } from "@/server/test/authz";
import { db } from "@/server/shared/db";
import { makeContext } from "@/server/trpc/context";
import { createCallerFactory, router } from "@/server/trpc/init";
import { tenantsRouter } from "./router";

export { operatorActor, operatorUser, resellerUser } from "@/server/billing/billing-test-fixtures";
export { refusal } from "@/server/test/authz";

const testRouter = router({ tenants: tenantsRouter });
/** `consoleCaller(user).mailboxes.create(...)`, `.departments.list()`, `.lists...` */
export const consoleCaller = (user: SessionUser | null) => createCallerFactory(testRouter)(makeContext(user)).tenants;

let seq = 0;
/** A fresh, valid domain name. */
export const uniqueDomainName = (prefix = "c") => `${prefix}${++seq}-${Date.now().toString(36)}.example.com`;
/** A fresh, valid local part. */
export const uniqueLocalPart = (prefix = "u") => `${prefix}${++seq}.${randomUUID().slice(0, 6)}`;

export type ConsoleTenantOptions = {
  name?: string;
  /** Paid seats of the active subscription (default 10); 0 = no subscription at all. */
  seats?: number;
  /** Plan limits (defaults: 2048 MB quota, 5 aliases per mailbox). */
  mailboxQuotaMb?: number;
  aliasesPerMailbox?: number;
};

export type ConsoleTenant = Awaited<ReturnType<typeof createConsoleTenant>>;

/**
 * A tenant with its admin (`admin` SessionUser, `actor` AuditActor), an active subscription of
 * `seats` seats to a fresh plan, and one domain (`domain`, state mail_ready).
 */
export async function createConsoleTenant(options: ConsoleTenantOptions = {}) {
  const { name = "星河贸易", seats = 10, mailboxQuotaMb = 2048, aliasesPerMailbox = 5 } = options;
  const t = await createBillingTenant(name);
  const plan = await db.plan.update({ where: { id: (await createPlan()).id }, data: { mailboxQuotaMb, aliasesPerMailbox } });
  if (seats > 0) {
    await db.subscription.create({
      data: { tenantId: t.tenant.id, planId: plan.id, seats, pricePerSeatYear: plan.pricePerSeatYear, currency: "CNY", status: "active", paidAt: new Date() },
    });
  }
  const domain = await addTenantDomain(t.tenant.id);
  return { ...t, plan, domain };
}

/** Another domain of the tenant (optionally an alias domain of `aliasOfId`). */
export async function addTenantDomain(tenantId: string, aliasOfId: string | null = null, name = uniqueDomainName()) {
  return db.domain.create({
    data: { tenantId, name, unicodeName: name, aliasOfId, state: "mail_ready", ownershipToken: "0".repeat(32) },
  });
}

let cachedHash: string | null = null;
/** One argon2 hash reused by every seeded mailbox: hashing is slow and these tests are not about it. */
const seedHash = async () => (cachedHash ??= await hashPassword("Seeded-Pass-2026"));

/** Mailboxes straight into the tables (with their MailAddress rows): to fill seats quickly. */
export async function seedMailboxes(t: { tenant: { id: string }; domain: { id: string; name: string } }, count: number, departmentId: string | null = null) {
  const passwordHash = await seedHash();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const localPart = uniqueLocalPart("seed");
    const address = `${localPart}@${t.domain.name}`;
    const mailbox = await db.mailbox.create({
      data: { tenantId: t.tenant.id, domainId: t.domain.id, departmentId, localPart, address, displayName: localPart, quotaMb: 1024, passwordHash },
    });
    await db.mailAddress.create({ data: { address, tenantId: t.tenant.id, domainId: t.domain.id, kind: "mailbox", mailboxId: mailbox.id } });
    ids.push(mailbox.id);
  }
  return ids;
}

/** The matrix's callers: the owner, another tenant's admin (using the owner's ids), a reseller, an operator. */
export type Who = "anonymous" | "owner" | "other_tenant" | "reseller" | "operator";
export function matrixCallers(owner: SessionUser, otherAdmin: SessionUser) {
  return (w: Who): SessionUser | null => (w === "anonymous" ? null : { owner, other_tenant: otherAdmin, reseller: resellerUser, operator: operatorUser }[w]);
}
/** Matrix rows: a tenant-wide call any admin may make, and a call on the owner's ids. */
export const customerRow = { anonymous: "UNAUTHORIZED", owner: "ok", other_tenant: "ok", reseller: "FORBIDDEN", operator: "FORBIDDEN" } as const;
export const ownersOnlyRow = { anonymous: "UNAUTHORIZED", owner: "ok", other_tenant: "NOT_FOUND", reseller: "FORBIDDEN", operator: "FORBIDDEN" } as const;

/** Rows a console write may touch, to assert that a refused call wrote nothing. */
export async function consoleWriteCounts() {
  const [departments, mailboxes, addresses, lists, listEntries, audits] = await Promise.all([
    db.department.count(),
    db.mailbox.count(),
    db.mailAddress.count(),
    db.mailingList.count(),
    db.mailingListEntry.count(),
    db.auditEvent.count({ where: { OR: ["department.", "mailbox.", "alias.", "list.", "import.", "welcome."].map((p) => ({ action: { startsWith: p } })) } }),
  ]);
  return { departments, mailboxes, addresses, lists, listEntries, audits };
}

/** The refusal of `call` (as `refusal` gives it), asserting that it wrote no console row. */
export async function refusedWritingNothing(call: () => Promise<unknown>) {
  const before = await consoleWriteCounts();
  const r = await refusal(call());
  expect(await consoleWriteCounts()).toEqual(before);
  return r;
}
