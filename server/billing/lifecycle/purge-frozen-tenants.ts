import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction, type Tx } from "../ledger/money-transaction";

const log = logger("billing.purge");
const BATCH = 100;
const SYSTEM: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };

/** One part of a purge; runs inside the tenant's purge transaction, under its lock. */
export type PurgeStep = (tx: Tx, tenantId: string) => Promise<void>;

/** Nothing is billed or changed any more: live subscriptions, scheduled resizes and unpaid orders end. */
const endBilling: PurgeStep = async (tx, tenantId) => {
  const now = clock.now();
  await tx.resizeChange.updateMany({ where: { tenantId, status: "scheduled" }, data: { status: "cancelled", cancelledAt: now } });
  await tx.order.updateMany({ where: { tenantId, status: "pending" }, data: { status: "cancelled", cancelledAt: now } });
  await tx.subscription.updateMany({ where: { tenantId, status: { in: ["pending", "active"] } }, data: { status: "cancelled" } });
};

/** The tenant's administrators go, so no one can sign in to it again. */
const deleteUsers: PurgeStep = async (tx, tenantId) => {
  await tx.user.deleteMany({ where: { tenantId } });
};

/**
 * What a purge removes, in order. Later areas add their own data here (domains, mailboxes,
 * stored mail). The ledger and the operation log are never part of it: the books outlive the
 * tenant, and the Tenant row stays as their anchor, marked purged.
 */
export const PURGE_STEPS: readonly PurgeStep[] = [endBilling, deleteUsers];

/** Purges one tenant if it is still due (re-checked under its lock: a restore may have won). */
async function purgeTenant(tenantId: string): Promise<boolean> {
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, tenantId);
    const { frozenUntil } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { frozenUntil: true } });
    const now = clock.now();
    if (tenant.status !== "frozen" || tenant.purgedAt || !frozenUntil || frozenUntil > now) return false;
    const users = await tx.user.count({ where: { tenantId } });
    for (const step of PURGE_STEPS) await step(tx, tenantId);
    await tx.tenant.update({ where: { id: tenantId }, data: { purgedAt: now } });
    await recordAudit(
      SYSTEM,
      { action: "tenant.purge", tenantId, target: { type: "tenant", id: tenantId }, details: { frozenUntil: frozenUntil.toISOString(), usersDeleted: users } },
      tx,
    );
    return true;
  });
}

export type PurgeTickResult = { purged: string[]; failed: number };

/**
 * The "purge" billing tick: every tenant whose frozen period has ended is purged, one
 * transaction each, so a failure leaves that tenant whole for the next tick and the others done.
 */
export async function purgeFrozenTenants(options: { batchSize?: number } = {}): Promise<PurgeTickResult> {
  const take = options.batchSize ?? BATCH;
  const result: PurgeTickResult = { purged: [], failed: 0 };
  let cursor: string | null = null;
  for (;;) {
    const due: { id: string }[] = await db.tenant.findMany({
      where: { status: "frozen", purgedAt: null, frozenUntil: { lte: clock.now() }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true },
      orderBy: { id: "asc" },
      take,
    });
    for (const { id } of due) {
      try {
        if (await purgeTenant(id)) result.purged.push(id);
      } catch (e) {
        result.failed += 1;
        log.error("tenant purge failed; the next tick tries again", { tenantId: id, error: (e as Error).message });
      }
    }
    if (due.length < take) return result;
    cursor = due[due.length - 1]!.id;
  }
}
