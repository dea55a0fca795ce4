import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { dropUnreferencedMessages, prismaRunner, removeMessageFiles } from "@/server/mail/store/drop-unreferenced-messages";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { moveLogLine } from "./quarantine-log-line";
import { actorName, findScopedItem, quarantineNotFound, type QuarantineScope } from "./quarantine-scope";

/**
 * Deletes a quarantine entry (删除): the held copy is gone for good. The message row and its file
 * go too when nothing else needs them (another recipient's entry or copy, the outbox). The
 * recipient's delivery-log line keeps "quarantined" with who deleted it. A second delete is
 * NOT_FOUND, which a retrying client can take as done.
 */
export async function deleteQuarantinedMessage(actor: AuditActor, scope: QuarantineScope, id: string): Promise<{ deleted: string }> {
  const found = await findScopedItem(db, scope, id);
  const by = actorName(actor);
  const files = await db.$transaction(
    async (tx) => {
      const [item] = await tx.$queryRaw<{ id: bigint; releasedAt: Date | null }[]>`SELECT id, releasedAt FROM QuarantineItem WHERE id = ${found.id} FOR UPDATE`;
      if (!item) throw quarantineNotFound();
      await tx.quarantineItem.delete({ where: { id: found.id } });
      // A released entry's line already says delivered; only a held one's says what became of it.
      if (!item.releasedAt) await moveLogLine(tx, found, { status: "quarantined", reason: `deleted from quarantine by ${by}`, at: clock.now() });
      const paths = await dropUnreferencedMessages(prismaRunner(tx), [found.messageId]);
      await recordAudit(
        actor,
        {
          action: "quarantine.delete",
          tenantId: scope.tenantId,
          target: { type: "quarantine_item", id: found.id.toString() },
          details: { messageId: found.messageId, rcpt: found.rcpt, sender: found.sender, subject: found.subject, kind: found.kind },
        },
        tx,
      );
      return paths;
    },
    { isolationLevel: "ReadCommitted", timeout: 20_000, maxWait: 15_000 },
  );
  await removeMessageFiles(files);
  return { deleted: id };
}
