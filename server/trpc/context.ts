import { currentUser } from "@/server/auth/session";
import { clientIp } from "@/server/shared/ip";
import type { SessionUser } from "@/server/auth/session-user";
import type { AuditActor } from "@/server/audit/record-audit";

export type Context = {
  user: SessionUser | null;
  ip: string | null;
  userAgent: string | null;
};

/** Built once per request by the fetch adapter; tests build it directly with makeContext. */
export async function createContext({ req }: { req: Request }): Promise<Context> {
  return {
    user: await currentUser(),
    ip: clientIp(req.headers.get("x-forwarded-for"), req.headers.get("x-real-ip")),
    userAgent: req.headers.get("user-agent"),
  };
}

export function makeContext(user: SessionUser | null, ip: string | null = "127.0.0.1"): Context {
  return { user, ip, userAgent: "test" };
}

export function actorOf(ctx: Context): AuditActor {
  return { id: ctx.user?.id ?? null, email: ctx.user?.email ?? null, role: ctx.user?.role ?? null, ip: ctx.ip };
}
