import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { SendingState } from "./lift-sending-suspension";
import { lockMailboxForAbuse } from "./load-mailbox-for-abuse";
import type { TSuspendSendingRequest } from "./abuse.types";

/**
 * An operator stops a mailbox's sending by hand (a complaint, a hijacked account the filters
 * missed). Same effect as the abuse limit: refused at MAIL FROM, still receives. An already
 * suspended mailbox keeps its first suspension (time and reason); nothing is audited then.
 */
export async function suspendSending(actor: AuditActor, input: TSuspendSendingRequest): Promise<SendingState> {
  return db.$transaction(
    async (tx) => {
      const m = await lockMailboxForAbuse(tx, input.mailboxId);
      if (m.sendingSuspendedAt) return { mailboxId: m.id, address: m.address, sendingSuspendedAt: m.sendingSuspendedAt, sendingSuspendedReason: m.sendingSuspendedReason };
      const now = clock.now();
      const reason = `By an operator: ${input.reason}`.slice(0, 255);
      await tx.mailbox.update({ where: { id: m.id }, data: { sendingSuspendedAt: now, sendingSuspendedReason: reason } });
      await recordAudit(actor, { action: "mailbox.sending_suspend", tenantId: m.tenantId, target: { type: "mailbox", id: m.id }, details: { address: m.address, reason: input.reason } }, tx);
      return { mailboxId: m.id, address: m.address, sendingSuspendedAt: now, sendingSuspendedReason: reason };
    },
    { isolationLevel: "ReadCommitted", timeout: 20_000, maxWait: 15_000 },
  );
}
