import type { Prisma } from "@/server/generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

/**
 * The target id of an earlier success of `action` with this request id, or null. Resellers and
 * their staff accounts have no idempotency column of their own: the operation log, written in
 * the same transaction as the row, is the record of which request made it. Callers hold a named
 * lock so two concurrent first attempts cannot both miss it.
 */
export async function findRepeat(tx: Tx, action: string, idempotencyKey: string): Promise<string | null> {
  const earlier = await tx.auditEvent.findFirst({
    where: { action, result: "success", details: { path: "$.idempotencyKey", equals: idempotencyKey } },
    select: { targetId: true },
    orderBy: { id: "asc" },
  });
  return earlier?.targetId ?? null;
}
