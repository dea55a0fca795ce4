import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { audienceWhere, type Reader } from "./audience-where";
import { both, publishedWhere } from "./feed-where";
import { announcementNotFound } from "./publisher";

/**
 * Marks an announcement read by the reader. Only one they can see (published to them, not
 * deleted), else NOT_FOUND; marking it again changes nothing. Only the first read is logged.
 */
export async function markRead(actor: AuditActor, reader: Reader, id: string): Promise<{ id: string; read: true }> {
  const now = clock.now();
  const visible = await db.announcement.findFirst({ where: both(await audienceWhere(reader), { ...publishedWhere(now), id }), select: { id: true, scope: true, tenantId: true } });
  if (!visible) throw announcementNotFound();
  await db.$transaction(async (tx) => {
    const existing = await tx.announcementRead.findUnique({ where: { announcementId_readerId: { announcementId: id, readerId: reader.id } } });
    if (existing) return;
    // Upsert: two tabs opening it at once must not fail on the primary key.
    await tx.announcementRead.upsert({ where: { announcementId_readerId: { announcementId: id, readerId: reader.id } }, create: { announcementId: id, readerId: reader.id, readAt: now }, update: {} });
    await recordAudit(actor, { action: "announcement.read", tenantId: "tenantId" in reader ? reader.tenantId : null, target: { type: "announcement", id }, details: { reader: reader.kind } }, tx);
  });
  return { id, read: true };
}
