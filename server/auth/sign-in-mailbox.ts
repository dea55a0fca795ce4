import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { dummyHash, verifyPassword } from "./password";
import { ZSignInRequest, type SignInContext } from "./sign-in";
import type { SessionUser } from "./session-user";

/**
 * The self-service sign-in of a mailbox user (address + the mailbox's own password). Same
 * contract as the administrators' signIn: one LoginEvent per attempt (userId = the mailbox's
 * id), null for every failure, and an unknown address costs one argon2id verify like a wrong
 * password. A disabled mailbox, or one of a terminated (frozen) or purged tenant, is refused
 * as "disabled" even with the right password.
 */
export async function signInMailbox(input: unknown, ctx: SignInContext): Promise<SessionUser | null> {
  const parsed = ZSignInRequest.safeParse(input);
  const address = parsed.success ? parsed.data.email : String((input as { email?: unknown })?.email ?? "").slice(0, 254);
  const mailbox = parsed.success
    ? await db.mailbox.findUnique({
        where: { address },
        select: { id: true, address: true, displayName: true, tenantId: true, passwordHash: true, status: true, tenant: { select: { status: true, purgedAt: true } } },
      })
    : null;
  const ok = await verifyPassword(mailbox?.passwordHash ?? (await dummyHash()), parsed.success ? parsed.data.password : "");
  const usable = mailbox?.status === "active" && mailbox.tenant.status !== "frozen" && !mailbox.tenant.purgedAt;
  const result = !mailbox || !ok ? "bad_credentials" : usable ? "success" : "disabled";

  const ip = ctx.ip?.slice(0, 45) ?? null;
  await db.loginEvent.create({
    data: { occurredAt: clock.now(), userId: mailbox?.id ?? null, email: address || "(empty)", ip, userAgent: ctx.userAgent?.slice(0, 512) ?? null, result },
  });
  if (result !== "success" || !mailbox) return null;

  await db.mailbox.update({ where: { id: mailbox.id }, data: { lastLoginAt: clock.now(), lastLoginIp: ip } });
  return sessionOfMailbox(mailbox);
}

export function sessionOfMailbox(m: { id: string; address: string; displayName: string; tenantId: string }): SessionUser {
  return { id: m.id, email: m.address, name: m.displayName, role: "mailbox_user", tenantId: m.tenantId, resellerId: null, mailboxId: m.id };
}
