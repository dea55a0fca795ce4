import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { accountLabels } from "./account-labels";

/**
 * An admin lifts a lock before it ends: the account (or address) may sign in again at once, and
 * the failures before the unlock no longer count towards the next lock (the gate counts from
 * unlockedAt). `tenantId`: a tenant admin's tenant (another tenant's lock, or an address lock, is
 * NOT_FOUND); null for an operator. A lock that has already ended or been lifted is left as it
 * is, so a retried click succeeds without a second log entry.
 */
export async function unlockLock(actor: AuditActor, id: string, tenantId: string | null): Promise<{ id: string; unlocked: boolean }> {
  return db.$transaction(async (tx) => {
    const lock = await tx.accountLock.findFirst({ where: { id, ...(tenantId ? { tenantId, accountKind: { not: null } } : {}) } });
    if (!lock) throw new DomainError("NOT_FOUND", say("Lock not found", "锁定记录不存在"));
    const now = clock.now();
    if (lock.unlockedAt || lock.lockedUntil <= now) return { id, unlocked: false };
    const { count } = await tx.accountLock.updateMany({ where: { id, unlockedAt: null }, data: { unlockedAt: now, unlockedById: actor.id } });
    if (count === 0) return { id, unlocked: false };
    const account = (await accountLabels([lock], tx))(lock);
    await recordAudit(
      actor,
      {
        action: "account_lock.unlock",
        tenantId: lock.tenantId,
        target: { type: "account_lock", id },
        details: { accountKind: lock.accountKind, accountId: lock.accountId, account, ip: lock.ip, lockedUntil: lock.lockedUntil.toISOString(), failures: lock.failures },
      },
      tx,
    );
    return { id, unlocked: true };
  });
}
