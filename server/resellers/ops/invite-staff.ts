import type { Prisma } from "@/server/generated/prisma/client.ts";
import { createInvitation, unusablePasswordHash } from "@/server/auth/invitations/create-invitation";
import { sendInvitation } from "@/server/auth/invitations/send-invitation";
import { clock } from "@/server/shared/clock";

type Tx = Pick<Prisma.TransactionClient, "user" | "accountToken">;

/** What to e-mail once the transaction has committed. */
export type PendingInvitation = { to: string; name: string; token: string; expiresAt: Date; organisation: string; invitedBy: string };

/** A new reseller staff account, invited (no usable password yet), with its first link. */
export async function insertInvitedStaff(tx: Tx, args: { resellerId: string; name: string; email: string; organisation: string; invitedBy: string }) {
  const user = await tx.user.create({
    data: { email: args.email, name: args.name, passwordHash: unusablePasswordHash(), role: "reseller", status: "invited", resellerId: args.resellerId, createdAt: clock.now() },
  });
  const invitation = await createInvitation(tx, { userId: user.id });
  const pending: PendingInvitation = { to: user.email, name: user.name, ...invitation, organisation: args.organisation, invitedBy: args.invitedBy };
  return { user, pending };
}

/** Ends every unused link of the user, so only the newest one (or none) works. */
export async function revokeInvitations(tx: Tx, userId: string): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, purpose: "invite", usedAt: null }, data: { usedAt: clock.now() } });
}

/** Sends after commit; a failure leaves the account resendable and is reported as false. */
export async function deliver(pending: PendingInvitation | null): Promise<boolean> {
  if (!pending) return false;
  return sendInvitation(pending);
}
