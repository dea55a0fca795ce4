import type { AuditActor } from "@/server/audit/record-audit";
import { loadReseller } from "@/server/resellers/ops/reseller-guard";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import { countInWindow, windowKey } from "@/server/shared/fixed-window-counter";
import { clientIp } from "@/server/shared/ip";
import { hashKeySecret, looksLikeKey } from "../api-keys/key-secret";
import { keyState } from "../api-keys/api-key-row";
import { scopesOf, type ApiScope } from "../api-keys/scopes";
import { ApiError } from "./api-error";

/** The key a request authenticated with, and the audit actor its writes are logged under. */
export type ApiPrincipal = {
  keyId: string;
  prefix: string;
  scopes: ApiScope[];
  /** Null for an operator key (platform-wide); a reseller key reaches this reseller's tree only. */
  resellerId: string | null;
  actor: AuditActor;
};

const unauthenticated = () =>
  new ApiError(401, "UNAUTHENTICATED", say("A valid API key is required: Authorization: Bearer <key>", "需要有效的 API 密钥：Authorization: Bearer <密钥>"), {
    "WWW-Authenticate": 'Bearer realm="mailstead"',
  });

const RATE_WINDOW_SECONDS = 60;
const LAST_USED_EVERY_MS = 60_000;

/**
 * The request's API key, or 401 alike for a missing, malformed, unknown, revoked or expired one
 * (which of them is not said). Only the Authorization header is read, never a cookie: a
 * browser's session cannot reach this API, which is why proxy.ts may exempt it from the CSRF check.
 * A reseller key's writes are the reseller's writes, so a suspended reseller's key only reads.
 */
export async function authenticate(req: Request, write: boolean): Promise<ApiPrincipal> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !looksLikeKey(match[1]!)) throw unauthenticated();
  const key = await db.apiKey.findUnique({ where: { secretHash: hashKeySecret(match[1]!) } });
  const now = clock.now();
  if (!key || keyState(key, now) !== "active") throw unauthenticated();
  if (key.ownerKind === "reseller") {
    if (!key.resellerId) throw unauthenticated();
    await loadReseller(db, key.resellerId, { requireActive: write }).catch((e: unknown) => {
      throw e instanceof DomainError && e.code === "NOT_FOUND" ? unauthenticated() : e;
    });
  }
  await rateLimit(key.id, now);
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // At most one write a minute per key: the list's "last used" needs no finer grain.
    await db.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] }, data: { lastUsedAt: now } });
  }
  const creator = await db.user.findUnique({ where: { id: key.createdById }, select: { email: true } });
  const ip = clientIp(req.headers.get("x-forwarded-for"), req.headers.get("x-real-ip"), env().TRUSTED_PROXY_HOPS);
  return {
    keyId: key.id,
    prefix: key.prefix,
    scopes: scopesOf(key.scopes),
    resellerId: key.ownerKind === "reseller" ? key.resellerId : null,
    actor: {
      id: key.createdById,
      email: creator?.email ?? null,
      role: key.ownerKind,
      tenantId: null,
      resellerId: key.ownerKind === "reseller" ? key.resellerId : null,
      ip,
      apiKey: { id: key.id, prefix: key.prefix },
    },
  };
}

/** API_RATE_PER_MINUTE per key; a Redis outage lets calls through (fixed-window-counter.ts says why). */
async function rateLimit(keyId: string, now: Date): Promise<void> {
  const counts = await countInWindow([windowKey("api-key", [keyId], RATE_WINDOW_SECONDS, now)], RATE_WINDOW_SECONDS, "API key");
  if (!counts || counts[0]! <= env().API_RATE_PER_MINUTE) return;
  const retryAfter = RATE_WINDOW_SECONDS - (Math.floor(now.getTime() / 1000) % RATE_WINDOW_SECONDS);
  throw new ApiError(429, "RATE_LIMITED", say("Too many requests with this key: wait a minute", "该密钥的请求过于频繁，请稍后再试"), { "Retry-After": String(retryAfter) });
}

/** 403 when the key lacks `scope`; null means any valid key may call. */
export function requireScope(principal: ApiPrincipal, scope: ApiScope | null): void {
  if (scope && !principal.scopes.includes(scope)) {
    throw new ApiError(403, "FORBIDDEN", say(`This key lacks the ${scope} permission`, `该密钥没有 ${scope} 权限`));
  }
}

/**
 * 403 for a reseller key on an operator action, before any tenant is looked up (so the answer
 * says nothing about which tenants exist). The scope alone is not enough: a reseller key made
 * before lifecycle became operator-only, or edited in the database, may still list it.
 */
export function requireOperatorKey(principal: ApiPrincipal): void {
  if (principal.resellerId !== null) {
    throw new ApiError(403, "FORBIDDEN", say("Only an operator's key may do this: suspending, unsuspending and terminating are operator actions", "只有运营方的密钥可以执行此操作：暂停、恢复和终止租户由运营方处理"));
  }
}
