// Shared by the delivery log's integration tests: lines written straight into MessageEvent (as
// the engine's store writes them), so a search can be tested without sending mail. Not imported
// by application code.
import type { DeliveryStatus, MailDirection } from "@/server/generated/prisma/enums.ts";
import { db } from "@/server/shared/db";
import { ulid } from "@/server/mail/ulid";

export type LineSpec = {
  tenantId: string;
  mailboxId?: string | null;
  direction?: MailDirection;
  sender?: string;
  recipient?: string;
  subject?: string;
  status?: DeliveryStatus;
  reason?: string | null;
  receivedAt: Date;
  latencyMs?: number | null;
};

/** Inserts the lines (history: received, then the line's status) and returns them with their ids, in input order. */
export async function insertLines(specs: LineSpec[]) {
  const rows = specs.map((s) => {
    const status = s.status ?? "delivered";
    const at = s.receivedAt.toISOString();
    return {
      messageId: ulid(s.receivedAt),
      tenantId: s.tenantId,
      mailboxId: s.mailboxId ?? null,
      direction: s.direction ?? "outbound",
      sender: s.sender ?? "zhang@sender.example",
      recipient: s.recipient ?? "li@recipient.example",
      subject: s.subject ?? "季度报告",
      status,
      reason: s.reason === undefined ? `${status} (test)` : s.reason,
      history: [{ status: "received", at }, { status, at, reason: s.reason ?? `${status} (test)` }],
      receivedAt: s.receivedAt,
      updatedAt: s.receivedAt,
      latencyMs: s.latencyMs ?? null,
    };
  });
  await db.messageEvent.createMany({ data: rows });
  const stored = await db.messageEvent.findMany({ where: { messageId: { in: rows.map((r) => r.messageId) } }, select: { id: true, messageId: true } });
  const idOf = new Map(stored.map((r) => [r.messageId, r.id]));
  return rows.map((r) => ({ ...r, id: idOf.get(r.messageId)! }));
}

/** `minutesAgo(now, 5)`: an instant before `now`. */
export const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
