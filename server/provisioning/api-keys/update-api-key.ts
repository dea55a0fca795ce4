import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import type { ApiKeyRow, KeyOwner, TUpdateApiKeyRequest } from "./api-key.types";
import { assertScopesAllowed, loadOwnedKey, toRows } from "./api-key-row";
import { scopesOf } from "./scopes";

/** Renames a key or changes its scopes; the secret stays the same. A revoked key is left as it was. */
export async function updateApiKey(actor: AuditActor, owner: KeyOwner, input: TUpdateApiKeyRequest): Promise<ApiKeyRow> {
  const key = await loadOwnedKey(owner, input.apiKeyId);
  if (key.revokedAt) throw new DomainError("PRECONDITION_FAILED", say("This key is revoked and can no longer be changed", "该密钥已吊销，不能再修改"));
  if (input.name === undefined && input.scopes === undefined) {
    throw new DomainError("BAD_INPUT", say("Change the name or the permissions", "请修改名称或权限"));
  }
  // The key's own kind, not the caller's: an operator re-scoping a reseller's key is held to it too.
  assertScopesAllowed(key.ownerKind, input.scopes);
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.update({ where: { id: key.id }, data: { name: input.name, scopes: input.scopes } });
    await recordAudit(
      actor,
      {
        action: "apiKey.update",
        tenantId: null,
        target: { type: "apiKey", id: key.id },
        details: { prefix: key.prefix, from: { name: key.name, scopes: scopesOf(key.scopes) }, to: { name: row.name, scopes: scopesOf(row.scopes) } },
      },
      tx,
    );
    return row;
  });
  const [row] = await toRows([updated]);
  return row!;
}
