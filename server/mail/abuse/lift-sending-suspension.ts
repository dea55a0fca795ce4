import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { lockMailboxForAbuse } from "./load-mailbox-for-abuse";
import { OUTBOUND_SPAM_ALERT } from "./record-outbound-spam";
import type { TMailboxIdRequest } from "./abuse.types";

export type SendingState = { mailboxId: string; address: string; sendingSuspendedAt: Date | null; sendingSuspendedReason: string | null };

/**
 * An operator gives a mailbox its sending back (after securing the account). Clears the
 * suspension and deletes the mailbox's outbound spam hits up to now, so the hits that led to
 * the suspension do not count again: one more spam message right after the lift must not
 * suspend it at once. The evidence stays in the alert's details and in the audit log. The
 * mailbox's open suspension alerts are acknowledged with it: lifting is handling them.
 * Lifting a mailbox that is not suspended changes nothing and is not audited.
 */
export async function liftSendingSuspension(actor: AuditActor, input: TMailboxIdRequest): Promise<SendingState> {
  return db.$transaction(
    async (tx) => {
      const m = await lockMailboxForAbuse(tx, input.mailboxId);
      if (!m.sendingSuspendedAt) return { mailboxId: m.id, address: m.address, sendingSuspendedAt: null, sendingSuspendedReason: null };
      const now = clock.now();
      await tx.mailbox.update({ where: { id: m.id }, data: { sendingSuspendedAt: null, sendingSuspendedReason: null } });
      const cleared = await tx.outboundSpamHit.deleteMany({ where: { mailboxId: m.id, at: { lte: now } } });
      const acknowledged = await tx.operatorAlert.updateMany({
        where: { mailboxId: m.id, kind: OUTBOUND_SPAM_ALERT, acknowledgedAt: null },
        data: { acknowledgedAt: now, acknowledgedBy: (actor.email ?? actor.id ?? "operator").slice(0, 191) },
      });
      await recordAudit(
        actor,
        {
          action: "mailbox.sending_lift",
          tenantId: m.tenantId,
          target: { type: "mailbox", id: m.id },
          details: { address: m.address, suspendedAt: m.sendingSuspendedAt.toISOString(), reason: m.sendingSuspendedReason, hitsCleared: cleared.count, alertsAcknowledged: acknowledged.count },
        },
        tx,
      );
      return { mailboxId: m.id, address: m.address, sendingSuspendedAt: null, sendingSuspendedReason: null };
    },
    { isolationLevel: "ReadCommitted", timeout: 20_000, maxWait: 15_000 },
  );
}
