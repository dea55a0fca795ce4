import { currentUser } from "@/server/auth/session";
import { clientIp } from "@/server/shared/ip";
import { env } from "@/server/shared/env";
import { LOCALE_COOKIE, toLocale, type Locale } from "@/server/shared/locale";
import type { SessionUser } from "@/server/auth/session-user";
import type { AuditActor } from "@/server/audit/record-audit";

export type Context = {
  user: SessionUser | null;
  ip: string | null;
  userAgent: string | null;
  /** The caller's language (the NEXT_LOCALE cookie), for messages the server writes. */
  locale: Locale;
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
  };
}

export function makeContext(user: SessionUser | null, ip: string | null = "127.0.0.1", locale: Locale = "en"): Context {
  return { user, ip, userAgent: "test", locale };
}

export function actorOf(ctx: Context): AuditActor {
  const u = ctx.user;
  // A mailbox user has no account Role (the audit column's type): logged by id and address only.
  const role = u && u.role !== "mailbox_user" ? u.role : null;
  return { id: u?.id ?? null, email: u?.email ?? null, role, tenantId: u?.tenantId ?? null, ip: ctx.ip };
}
