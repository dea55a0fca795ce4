import type { Prisma } from "@/server/generated/prisma/client.ts";

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

/**
 * The target id of an earlier success of `action` by the same actor with this request id, or
 * null. Scoped to the actor, so another caller's request id (they are client-made) never collides. Resellers and
 * their staff accounts have no idempotency column of their own: the operation log, written in
 * the same transaction as the row, is the record of which request made it. Callers hold a named
 * lock so two concurrent first attempts cannot both miss it.
 */
export async function findRepeat(tx: Tx, action: string, actorId: string | null, idempotencyKey: string): Promise<string | null> {
  const earlier = await tx.auditEvent.findFirst({
    where: { action, actorId, result: "success", details: { path: "$.idempotencyKey", equals: idempotencyKey } },
    select: { targetId: true },
    orderBy: { id: "asc" },
  });
  return earlier?.targetId ?? null;
}
