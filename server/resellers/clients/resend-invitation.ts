import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { createInvitation } from "@/server/auth/invitations/create-invitation";
import { sendInvitation } from "@/server/auth/invitations/send-invitation";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { assertResellerOwnsTenant } from "../assert-reseller-owns-tenant";
import { assertResellerActive } from "./reseller-standing";

export type ResentInvitation = { email: string; expiresAt: Date; sent: boolean };

/**
 * A new invitation link for a client's administrator who has not set a password yet (the first
 * e-mail was lost, expired or never left). Earlier links stop working, so only the newest e-mail
 * opens the account. Sending twice is harmless (the newer link wins), so no request id is needed.
 */
export async function resendInvitation(actor: AuditActor, resellerId: string, tenantId: string): Promise<ResentInvitation> {
  const { ownerResellerId } = await assertResellerOwnsTenant(resellerId, tenantId);
  await assertResellerActive(resellerId);
  const owner = await assertResellerActive(ownerResellerId);
  const { admin, tenantName, invitation } = await db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { name: true } });
    const admin = await tx.user.findFirst({ where: { tenantId, role: "tenant_admin", status: "invited" }, orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true } });
    if (!admin) {
      const disabled = await tx.user.count({ where: { tenantId, role: "tenant_admin", status: "disabled" } });
      const active = await tx.user.count({ where: { tenantId, role: "tenant_admin", status: "active" } });
      throw new DomainError(
        "PRECONDITION_FAILED",
        active > 0 || disabled === 0
          ? say("The client's administrator has already accepted the invitation", "该客户的管理员已接受邀请，无需再次发送")
          : say("The client's administrator account is disabled: ask the platform to enable it", "该客户的管理员账号已停用，请联系平台启用"),
      );
    }
    const now = clock.now();
    // Replaced links count as used, as the invitation pages (and reseller staff invitations) read them.
    await tx.accountToken.updateMany({ where: { userId: admin.id, purpose: "invite", usedAt: null }, data: { usedAt: now } });
    const invitation = await createInvitation(tx, { userId: admin.id });
    await recordAudit(actor, { action: "reseller.client.invitation.resend", tenantId, target: { type: "user", id: admin.id }, details: { email: admin.email } }, tx);
    return { admin, tenantName: tenant.name, invitation };
  });
  const sent = await sendInvitation({ to: admin.email, name: admin.name, token: invitation.token, expiresAt: invitation.expiresAt, organisation: tenantName, invitedBy: owner.name });
  return { email: admin.email, expiresAt: invitation.expiresAt, sent };
}
