// Shared by reseller integration tests: a reseller tree with one client tenant per reseller.
// Not imported by application code.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/shared/db";
import { createBillingTenant } from "@/server/billing/billing-test-fixtures";

export type Branch = {
  resellerId: string;
  /** A staff account of this reseller. */
  staff: SessionUser;
  /** Its client tenant and that tenant's admin. */
  clientId: string;
  clientAdmin: SessionUser;
};

async function branch(name: string, parentId: string | null): Promise<Branch> {
  const reseller = await db.reseller.create({ data: { name, parentId } });
  const staffRow = await db.user.create({
    data: { email: `staff-${randomUUID()}@reseller.test`, name: `${name} staff`, passwordHash: "!", role: "reseller", resellerId: reseller.id },
  });
  const { tenant, admin } = await createBillingTenant(`${name} client`);
  await db.tenant.update({ where: { id: tenant.id }, data: { resellerId: reseller.id } });
  const staff: SessionUser = { id: staffRow.id, email: staffRow.email, name: staffRow.name, role: "reseller", tenantId: null, resellerId: reseller.id };
  return { resellerId: reseller.id, staff, clientId: tenant.id, clientAdmin: admin };
}

/**
 * top → { sub, siblingSub } and an unrelated `other` top reseller, each with a client; plus a
 * tenant that buys directly. The callers the matrix names: own client (top.clientId),
 * sub-reseller's client (sub.clientId), sibling's client (for sub: siblingSub.clientId), direct.
 */
export async function createResellerTree(label = "Tree") {
  const top = await branch(`${label} top`, null);
  const [sub, siblingSub, other] = await Promise.all([branch(`${label} sub`, top.resellerId), branch(`${label} sibling`, top.resellerId), branch(`${label} other`, null)]);
  const direct = await createBillingTenant(`${label} direct`);
  return { top, sub, siblingSub, other, directId: direct.tenant.id, directAdmin: direct.admin };
}
