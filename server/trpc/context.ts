import { currentUser } from "@/server/auth/session";
import { clientIp } from "@/server/shared/ip";
import { env } from "@/server/shared/env";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/server/shared/locale";
import type { SessionUser } from "@/server/auth/session-user";
import type { AuditActor } from "@/server/audit/record-audit";
import { ACTING_TENANT_HEADER } from "./acting-tenant-header";

export type Context = {
  user: SessionUser | null;
  ip: string | null;
  userAgent: string | null;
  /** The caller's language (the NEXT_LOCALE cookie), for messages the server writes. */
  locale: Locale;
  /**
   * The client tenant a reseller is acting for (the x-acting-tenant header, sent by the reseller
   * portal's client pages). Only clientProcedure reads it, after checking the reseller's tree.
   */
  actingTenantId: string | null;
};


function cookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/** Built once per request by the fetch adapter; tests build it directly with makeContext. */
export async function createContext({ req }: { req: Request }): Promise<Context> {
  return {
    user: await currentUser(),
    ip: clientIp(req.headers.get("x-forwarded-for"), req.headers.get("x-real-ip"), env().TRUSTED_PROXY_HOPS),
    userAgent: req.headers.get("user-agent"),
    locale: toLocale(cookie(req.headers.get("cookie"), LOCALE_COOKIE)),
    actingTenantId: req.headers.get(ACTING_TENANT_HEADER)?.slice(0, 191) || null,
  };
}

export function makeContext(user: SessionUser | null, ip: string | null = "127.0.0.1", locale: Locale = "en", actingTenantId: string | null = null): Context {
  return { user, ip, userAgent: "test", locale, actingTenantId };
}

export function actorOf(ctx: Context): AuditActor {
  const u = ctx.user;
  // A mailbox user has no account Role (the audit column's type): logged by id and address only.
  const role = u && u.role !== "mailbox_user" ? u.role : null;
  return { id: u?.id ?? null, email: u?.email ?? null, role, tenantId: u?.tenantId ?? null, resellerId: u?.resellerId ?? null, ip: ctx.ip };
}
