import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import type { ApiKeyRow, KeyOwner } from "./api-key.types";
import { loadOwnedKey, toRows } from "./api-key-row";

/** Revokes a key at once: its next call gets 401. Revocation is final (create a new key instead). */
export async function revokeApiKey(actor: AuditActor, owner: KeyOwner, apiKeyId: string): Promise<ApiKeyRow> {
  const key = await loadOwnedKey(owner, apiKeyId);
  const revoked = await db.$transaction(async (tx) => {
    // Conditional, so two revocations racing record one revocation, not two.
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: clock.now() } });
    if (count === 0) throw new DomainError("CONFLICT", say("This key is already revoked", "该密钥已吊销"));
    await recordAudit(actor, { action: "apiKey.revoke", tenantId: null, target: { type: "apiKey", id: key.id }, details: { name: key.name, prefix: key.prefix } }, tx);
    return tx.apiKey.findUniqueOrThrow({ where: { id: key.id } });
  });
  const [row] = await toRows([revoked]);
  return row!;
}
