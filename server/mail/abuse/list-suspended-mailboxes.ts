import { db } from "@/server/shared/db";

export type SuspendedMailbox = { id: string; address: string; sendingSuspendedAt: Date; sendingSuspendedReason: string | null };

// A tenant seldom has more than a few; the cap keeps a pathological case from returning a flood.
const MAX = 500;

/** A tenant's mailboxes whose sending is suspended (the console tags them in the mailbox list). */
export async function listSuspendedMailboxes(tenantId: string): Promise<SuspendedMailbox[]> {
  const rows = await db.mailbox.findMany({
    where: { tenantId, sendingSuspendedAt: { not: null } },
    select: { id: true, address: true, sendingSuspendedAt: true, sendingSuspendedReason: true },
    orderBy: { sendingSuspendedAt: "desc" },
    take: MAX,
  });
  return rows.map((r) => ({ ...r, sendingSuspendedAt: r.sendingSuspendedAt! }));
}
