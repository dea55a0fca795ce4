import { z } from "zod";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { dummyHash, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";

export const ZSignInRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type SignInContext = { ip: string | null; userAgent: string | null };

/**
 * Checks credentials and writes a LoginEvent for every attempt. Returns the session user, or
 * null for any failure: an unknown e-mail, a wrong password and a disabled account look the
 * same to the caller and cost the same time.
 */
export async function signIn(input: unknown, ctx: SignInContext): Promise<SessionUser | null> {
  const parsed = ZSignInRequest.safeParse(input);
  const email = parsed.success ? parsed.data.email : String((input as { email?: unknown })?.email ?? "").slice(0, 254);
  const user = parsed.success ? await db.user.findUnique({ where: { email } }) : null;
  const password = parsed.success ? parsed.data.password : "";
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  const result = !user || !ok ? "bad_credentials" : user.status !== "active" ? "disabled" : "success";

  await db.loginEvent.create({
    data: {
      occurredAt: clock.now(),
      userId: user?.id ?? null,
      email: email || "(empty)",
      ip: ctx.ip?.slice(0, 45) ?? null,
      userAgent: ctx.userAgent?.slice(0, 512) ?? null,
      result,
    },
  });
  if (result !== "success" || !user) return null;

  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: clock.now(), lastLoginIp: ctx.ip?.slice(0, 45) ?? null } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, tenantId: user.tenantId, resellerId: user.resellerId };
}
