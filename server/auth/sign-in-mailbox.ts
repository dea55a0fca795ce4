import { db } from "@/server/shared/db";
import { runSignInGate } from "./gate/run-sign-in-gate";
import type { GateAccount } from "./gate/gate.types";
import { mailboxUnusable } from "./gate/mailbox-unusable";
import { typedIdentifier, ZSignInRequest, type SignInContext, type SignInOutcome } from "./sign-in";
import type { SessionUser } from "./session-user";

/**
 * The self-service sign-in of a mailbox user (address + the mailbox's own password) through the
 * sign-in gate, channel "self_service" under the tenant's web IP rules. No second factor (the
 * self-service page has none). A disabled mailbox, or one of a terminated (frozen) or purged
 * tenant, is refused as "disabled" even with the right password; a suspended tenant's users may
 * still sign in to see their quota and change their password.
 */
export async function signInMailbox(input: unknown, ctx: SignInContext): Promise<SignInOutcome> {
  const parsed = ZSignInRequest.safeParse(input);
  const mailbox = parsed.success
    ? await db.mailbox.findUnique({
        where: { address: parsed.data.email },
        select: { id: true, address: true, displayName: true, tenantId: true, passwordHash: true, status: true, tenant: { select: { status: true, purgedAt: true } } },
      })
    : null;
  const account: GateAccount | null = mailbox && {
    kind: "mailbox",
    id: mailbox.id,
    email: mailbox.address,
    name: mailbox.displayName,
    tenantId: mailbox.tenantId,
    passwordHash: mailbox.passwordHash,
    unusable: mailboxUnusable(mailbox, true),
  };
  const outcome = await runSignInGate({
    channel: "self_service",
    identifier: parsed.success ? parsed.data.email : typedIdentifier(input),
    account,
    password: parsed.success ? parsed.data.password : "",
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  if (!outcome.ok) return outcome;
  return { ok: true, newNetwork: outcome.newNetwork, user: sessionOfMailbox(mailbox!) };
}

export function sessionOfMailbox(m: { id: string; address: string; displayName: string; tenantId: string }): SessionUser {
  return { id: m.id, email: m.address, name: m.displayName, role: "mailbox_user", tenantId: m.tenantId, resellerId: null, mailboxId: m.id };
}
