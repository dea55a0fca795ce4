// Shared by the quarantine's integration tests: a message held for one or more mailboxes, made
// through the store's own commit (file, rows, delivery log) with a quarantine verdict. Until the
// store acts on the verdict itself, the copies it stored are turned into quarantine entries here
// exactly as the store will write them. Not imported by application code.
import type { QuarantineVerdict } from "@/server/mail/engine.types";
import { commitMessage } from "@/server/mail/store/commit-message";
import { incomingMessage, localTo, recipient } from "@/server/mail/store/incoming-message-fixture";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";

type Box = { id: string; tenantId: string; address: string };

export const GTUBE_VERDICT: QuarantineVerdict = {
  kind: "spam",
  score: 1015.5,
  reasons: [
    { name: "GTUBE", score: 1000, description: "Generic unsolicited bulk email test" },
    { name: "BAYES_SPAM", score: 5.1, description: "Message probably spam, probability: 99%" },
  ],
  tenantIds: null,
};

/** A message from outside held for each of `boxes`; returns it with its entries' ids by mailbox. */
export async function holdMessage(boxes: Box[], over: { subject?: string; body?: string; mailFrom?: string; verdict?: QuarantineVerdict; receivedAt?: Date } = {}) {
  const msg = incomingMessage({
    recipients: boxes.map((b) => recipient(b.address, [localTo(b)])),
    subject: over.subject ?? "Cheap watches",
    body: over.body ?? "Buy now!\r\nXJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X",
    mailFrom: over.mailFrom ?? "spammer@bad.example",
    ...(over.receivedAt ? { receivedAt: over.receivedAt } : {}),
    quarantine: over.verdict ?? GTUBE_VERDICT,
  });
  await commitMessage(msg);
  const verdict = msg.quarantine!;
  for (const b of boxes) {
    const held = await db.quarantineItem.count({ where: { mailboxId: b.id, messageId: msg.id } });
    if (held) continue;
    // The store delivered instead of holding: take the copy back into quarantine.
    const copy = await db.storedMessage.findUniqueOrThrow({ where: { mailboxId_messageId: { mailboxId: b.id, messageId: msg.id } } });
    await db.$transaction([
      db.storedMessage.delete({ where: { id: copy.id } }),
      db.mailbox.update({ where: { id: b.id }, data: { usedBytes: { decrement: copy.size } } }),
      db.quarantineItem.create({
        data: {
          messageId: msg.id,
          tenantId: b.tenantId,
          mailboxId: b.id,
          rcpt: b.address,
          sender: msg.mailFrom,
          subject: msg.subject,
          kind: verdict.kind,
          score: verdict.score,
          reasons: verdict.reasons,
          size: msg.bytes.length,
          receivedAt: msg.receivedAt,
          expiresAt: new Date(msg.receivedAt.getTime() + env().QUARANTINE_DAYS * 86_400_000),
        },
      }),
      db.messageEvent.updateMany({
        where: { messageId: msg.id, mailboxId: b.id, direction: "inbound" },
        data: {
          status: "quarantined",
          reason: `quarantined: ${verdict.kind}`,
          history: [
            { status: "received", at: msg.receivedAt.toISOString() },
            { status: "quarantined", at: msg.receivedAt.toISOString(), reason: `quarantined: ${verdict.kind}` },
          ],
        },
      }),
    ]);
  }
  const items = await db.quarantineItem.findMany({ where: { messageId: msg.id }, select: { id: true, mailboxId: true } });
  const idOf = (box: Box) => items.find((i) => i.mailboxId === box.id)!.id.toString();
  return { msg, idOf };
}
