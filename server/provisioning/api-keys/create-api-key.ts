import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { CreatedApiKey, KeyOwner, TCreateApiKeyRequest } from "./api-key.types";
import { assertScopesAllowed, toRows } from "./api-key-row";
import { newKeySecret } from "./key-secret";

const DAY_MS = 86_400_000;

/**
 * Creates a key for `owner` and returns its secret, once: only the hash is stored, so a lost key
 * is revoked and replaced, never shown again. An operator's key is platform-wide; a reseller's
 * reaches its own tree only (checked on every call, server/provisioning/http/authenticate.ts).
 */
export async function createApiKey(actor: AuditActor & { id: string }, owner: KeyOwner, input: TCreateApiKeyRequest): Promise<CreatedApiKey> {
  assertScopesAllowed(owner.kind, input.scopes);
  const { secret, prefix, secretHash } = newKeySecret();
  const now = clock.now();
  const key = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: input.name,
        ownerKind: owner.kind,
        resellerId: owner.kind === "reseller" ? owner.resellerId : null,
        createdById: actor.id,
        scopes: input.scopes,
        prefix,
        secretHash,
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      },
    });
    await recordAudit(
      actor,
      {
        action: "apiKey.create",
        tenantId: null,
        target: { type: "apiKey", id: created.id },
        details: { name: created.name, prefix, scopes: input.scopes, ownerKind: owner.kind, expiresAt: created.expiresAt?.toISOString() ?? null },
      },
      tx,
    );
    return created;
  });
  const [row] = await toRows([key]);
  return { ...row!, secret };
}
