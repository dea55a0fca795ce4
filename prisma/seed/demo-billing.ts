import type { AuditActor } from "@/server/audit/record-audit";
import type { Db } from "@/server/shared/db";
import { createOrder } from "@/server/billing/orders/create-order";
import { confirmBankTransfer } from "@/server/billing/orders/confirm-bank-transfer";
import { demoAccount } from "./demo-accounts";
import type { SeedLog } from "./seed-demo-data";

const SEED_ACTOR: AuditActor = { id: null, email: "seed", role: "operator", tenantId: null, ip: null };

/**
 * The reseller's client starts with a paid subscription (50 seats of the 263 plan for a year,
 * paid by bank transfer through the real order and confirmation path), so the billing pages have
 * something to show; the direct tenant has none, so ordering can be tried. Never repeats.
 */
export async function seedDemoBilling(db: Db, log: SeedLog): Promise<boolean> {
  const admin = await db.user.findUnique({ where: { email: demoAccount("resellerClient").email }, select: { id: true, tenantId: true } });
  const plan = await db.plan.findUnique({ where: { code: "std-263" } });
  if (!admin?.tenantId || !plan) return false;
  const tenantId = admin.tenantId;
  if (await db.subscription.findFirst({ where: { tenantId }, select: { id: true } })) {
    log("exists  subscription of the reseller's client");
    return false;
  }
  const actor: AuditActor = { ...SEED_ACTOR, id: admin.id, role: "tenant_admin", tenantId };
  const order = await createOrder(actor, tenantId, {
    planId: plan.id,
    seats: 50,
    termYears: 1,
    startRule: "on_payment",
    method: "bank_transfer",
    idempotencyKey: "seed-demo-order",
  });
  await confirmBankTransfer(SEED_ACTOR, { reference: order.reference, amount: order.amount, note: "Demo data" });
  log(`created subscription of the reseller's client: 50 seats, paid ${order.reference}`);
  return true;
}
