import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { moveLogLine } from "./quarantine-log-line";
import { actorName, findScopedItem, quarantineNotFound, type QuarantineScope } from "./quarantine-scope";
import type { TeachOutcome } from "./quarantine.types";
import { assertReleasable } from "./release-rules";
import { teachFilter } from "./teach-filter";

/** A released entry stays this long for the record (the list's "released" view), then expires. */
export const RELEASED_KEEP_MS = 24 * 3600 * 1000;

export type ReleaseOutcome = {
  id: string;
  /** false when the entry had been released before: nothing was delivered again. */
  released: boolean;
  /** Bayes taught "ham" (only on the first release). */
  teach: TeachOutcome | null;
};

type Locked = { id: bigint; messageId: string; mailboxId: string; releasedAt: Date | null; expiresAt: Date };

/**
 * Releases a held message (放行): its copy goes into the mailbox as the store would have put it
 * (StoredMessage, usedBytes raised), the entry is marked released, the recipient's delivery-log
 * line becomes "delivered" with who released it, and the operation log records it — all in one
 * transaction. A release the MX listener would refuse (tenant not active, mailbox disabled or
 * full) is refused with the reason, and nothing changes. Then the filter learns the message as
 * ham (best effort; the outcome is returned).
 * Idempotent: a second release delivers nothing and teaches nothing.
 */
export async function releaseQuarantinedMessage(actor: AuditActor, scope: QuarantineScope, id: string): Promise<ReleaseOutcome> {
  const found = await findScopedItem(db, scope, id);
  const by = actorName(actor);
  const done = await db.$transaction(
    async (tx) => {
      // The Mailbox row first, as the store's commits and expunges lock it first: one order, no deadlock.
      const [box] = await tx.$queryRaw<{ status: string; quotaMb: number; usedBytes: bigint; tenantId: string }[]>`
        SELECT status, quotaMb, usedBytes, tenantId FROM Mailbox WHERE id = ${found.mailboxId} FOR UPDATE`;
      if (!box) throw quarantineNotFound();
      // Read, not locked: only the Mailbox row is locked here, in the store's order (a joined
      // FOR UPDATE would lock the Tenant row too, against billing's tenant-first order).
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: box.tenantId }, select: { status: true } });
      const [item] = await tx.$queryRaw<Locked[]>`
        SELECT id, messageId, mailboxId, releasedAt, expiresAt FROM QuarantineItem WHERE id = ${found.id} FOR UPDATE`;
      // Deleted meanwhile (or its mailbox went, cascading).
      if (!item) throw quarantineNotFound();
      if (item.releasedAt) return null;
      const message = await tx.mailMessage.findUniqueOrThrow({ where: { id: item.messageId }, select: { path: true, size: true, receivedAt: true } });
      assertReleasable({ tenantStatus: tenant.status, mailboxStatus: box.status, quotaMb: box.quotaMb, usedBytes: BigInt(box.usedBytes), messageBytes: message.size });
      const now = clock.now();
      // IGNORE: a copy already there (unique per mailbox and message) is not stored or counted twice.
      const stored = await tx.$executeRaw`
        INSERT IGNORE INTO StoredMessage (mailboxId, messageId, size, receivedAt, path)
        VALUES (${item.mailboxId}, ${item.messageId}, ${message.size}, ${message.receivedAt}, ${message.path})`;
      if (stored) await tx.$executeRaw`UPDATE Mailbox SET usedBytes = usedBytes + ${message.size} WHERE id = ${item.mailboxId}`;
      const expiresAt = new Date(Math.min(item.expiresAt.getTime(), now.getTime() + RELEASED_KEEP_MS));
      await tx.quarantineItem.update({ where: { id: item.id }, data: { releasedAt: now, releasedBy: by.slice(0, 191), expiresAt } });
      await moveLogLine(tx, item, { status: "delivered", reason: `released from quarantine by ${by}`, at: now });
      await recordAudit(
        actor,
        {
          action: "quarantine.release",
          tenantId: scope.tenantId,
          target: { type: "quarantine_item", id: item.id.toString() },
          details: { messageId: item.messageId, rcpt: found.rcpt, sender: found.sender, subject: found.subject, kind: found.kind },
        },
        tx,
      );
      return { path: message.path, messageId: item.messageId };
    },
    { isolationLevel: "ReadCommitted", timeout: 20_000, maxWait: 15_000 },
  );
  if (!done) return { id, released: false, teach: null };
  return { id, released: true, teach: await teachFilter("ham", done.path, done.messageId) };
}
