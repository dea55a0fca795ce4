import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError } from "@/server/shared/errors";
import { lockTenant } from "../ledger/lock-tenant";
import { moneyTransaction } from "../ledger/money-transaction";
import { readTenantLifecycle, utcMinute, type TenantLifecycleView } from "./tenant-lifecycle-view";
import type { TTenantActionRequest } from "./tenant-action.types";

/** Seed 002: a terminated tenant is kept, frozen and restorable, for 7 days before it is purged. */
export const FROZEN_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * An operator terminates a suspended tenant: it is frozen (no sign-in to mail, no new orders)
 * until `frozenUntil`, then purged by the job. Only a suspended tenant, so that termination
 * never comes as a surprise to a customer in good standing. The suspension reason is kept for
 * a restore.
 */
export async function terminateTenant(actor: AuditActor, input: TTenantActionRequest): Promise<TenantLifecycleView> {
  return moneyTransaction(async (tx) => {
    const tenant = await lockTenant(tx, input.tenantId);
    if (tenant.status === "active") {
      throw new DomainError("PRECONDITION_FAILED", "Only a suspended tenant can be terminated: this tenant is active, suspend it first");
    }
    if (tenant.status === "frozen") {
      const { frozenUntil, purgedAt } = await readTenantLifecycle(tx, tenant.id);
      throw new DomainError(
        "PRECONDITION_FAILED",
        purgedAt ? `This tenant was already terminated and purged on ${utcMinute(purgedAt)}` : `This tenant is already terminated (frozen until ${utcMinute(frozenUntil)})`,
      );
    }
    const frozenUntil = new Date(clock.now().getTime() + FROZEN_DAYS * DAY_MS);
    await tx.tenant.update({ where: { id: tenant.id }, data: { status: "frozen", frozenUntil } });
    await recordAudit(
      actor,
      {
        action: "tenant.terminate",
        tenantId: tenant.id,
        target: { type: "tenant", id: tenant.id },
        details: { reason: input.reason, frozenUntil: frozenUntil.toISOString(), suspendedReason: tenant.suspendedReason },
      },
      tx,
    );
    return readTenantLifecycle(tx, tenant.id);
  });
}
