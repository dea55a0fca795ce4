import type { AuditActor } from "@/server/audit/record-audit";
import type { SessionUser } from "@/server/auth/session-user";
import { env } from "@/server/shared/env";
import { DomainError, type Localized } from "@/server/shared/errors";
import { clientIp } from "@/server/shared/ip";
import type { Locale } from "@/server/shared/locale";

// What the console's file routes (import upload, result and template downloads, exports) share:
// the same scoping as customerProcedure — no session 401, another role 403, and every id looked
// up within the session's tenant so another tenant's is 404 — and answers in the caller's language.

const NO_STORE = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };

export const jsonAnswer = (status: number, body: unknown) => Response.json(body, { status, headers: NO_STORE });
export const jsonError = (status: number, error: string, fieldErrors?: Record<string, string[]>) => jsonAnswer(status, fieldErrors ? { error, fieldErrors } : { error });

/** A tenant admin (tenantScope checked the role) and their tenant. */
export type TenantCaller = { user: SessionUser; tenantId: string };

/** The caller's tenant, or the response that refuses them. */
export function tenantScope(user: SessionUser | null, locale: Locale): TenantCaller | Response {
  if (!user) return jsonError(401, locale === "en" ? "Sign in first" : "请先登录");
  if (user.role !== "tenant_admin" || !user.tenantId) return jsonError(403, locale === "en" ? "This area is not part of your role" : "您的角色无权访问此功能");
  return { user, tenantId: user.tenantId };
}

export function actorFor(caller: TenantCaller, req: Request): AuditActor {
  const ip = clientIp(req.headers.get("x-forwarded-for"), req.headers.get("x-real-ip"), env().TRUSTED_PROXY_HOPS);
  return { id: caller.user.id, email: caller.user.email, role: "tenant_admin", tenantId: caller.tenantId, ip };
}

const STATUS: Record<string, number> = { BAD_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, PRECONDITION_FAILED: 409, FORBIDDEN: 403 };

/** A refusal as JSON in the caller's language; anything else is a bug and is rethrown. */
export function refusalResponse(e: unknown, locale: Locale): Response {
  if (e instanceof DomainError && STATUS[e.code]) return jsonError(STATUS[e.code]!, e.messageIn(locale), e.fieldErrorsIn(locale));
  throw e;
}

export const localized = (text: Localized, locale: Locale) => text[locale];

/** RFC 5987 value: percent-encode everything outside attr-char (encodeURIComponent leaves ' ( ) alone). */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A CSV download: an ASCII name for old clients, the real (often Chinese) name for the rest. */
export function csvResponse(body: BodyInit, asciiName: string, name: string, size?: number): Response {
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "content-type": "text/csv; charset=utf-8",
      ...(size === undefined ? {} : { "content-length": String(size) }),
      "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(name)}`,
    },
  });
}
