import type { ApiKey } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import type { ApiKeyRow, ApiKeyState, KeyOwner } from "./api-key.types";
import { scopesFor, scopesOf, type ApiScope } from "./scopes";

export const keyNotFound = () => new DomainError("NOT_FOUND", say("API key not found", "API 密钥不存在"));

export function keyState(key: Pick<ApiKey, "revokedAt" | "expiresAt">, now = clock.now()): ApiKeyState {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

/** BAD_INPUT (on the scopes field) when a key of `ownerKind` may not hold one of `scopes`. */
export function assertScopesAllowed(ownerKind: "operator" | "reseller", scopes: readonly ApiScope[] | undefined): void {
  const allowed = scopesFor(ownerKind);
  const refused = (scopes ?? []).filter((s) => !allowed.includes(s));
  if (refused.length === 0) return;
  const text = say(`A reseller's key cannot have ${refused.join(", ")}: only operators suspend, unsuspend and terminate tenants`, `经销商的密钥不能拥有 ${refused.join("、")} 权限：只有运营方可以暂停、恢复和终止租户`);
  throw new DomainError("BAD_INPUT", text, { scopes: [text] });
}

/** The keys `owner` manages: a reseller's own (not its sub-resellers'), every key for an operator. */
export const ownedBy = (owner: KeyOwner) => (owner.kind === "reseller" ? { ownerKind: "reseller" as const, resellerId: owner.resellerId } : {});

/** One key of `owner`; someone else's and a missing one answer alike (NOT_FOUND). */
export async function loadOwnedKey(owner: KeyOwner, apiKeyId: string): Promise<ApiKey> {
  const key = await db.apiKey.findFirst({ where: { id: apiKeyId, ...ownedBy(owner) } });
  if (!key) throw keyNotFound();
  return key;
}

/** The table's rows, with the names people recognise (reseller, creator) looked up in two queries. */
export async function toRows(keys: ApiKey[]): Promise<ApiKeyRow[]> {
  const resellerIds = [...new Set(keys.map((k) => k.resellerId).filter((id): id is string => id !== null))];
  const userIds = [...new Set(keys.map((k) => k.createdById))];
  const [resellers, users] = await Promise.all([
    db.reseller.findMany({ where: { id: { in: resellerIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
  ]);
  const resellerName = new Map(resellers.map((r) => [r.id, r.name]));
  const email = new Map(users.map((u) => [u.id, u.email]));
  const now = clock.now();
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    ownerKind: k.ownerKind,
    resellerId: k.resellerId,
    resellerName: k.resellerId ? (resellerName.get(k.resellerId) ?? null) : null,
    prefix: k.prefix,
    scopes: scopesOf(k.scopes),
    state: keyState(k, now),
    createdAt: k.createdAt,
    createdByEmail: email.get(k.createdById) ?? null,
    lastUsedAt: k.lastUsedAt,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
  }));
}
