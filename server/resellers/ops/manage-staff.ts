import { createInvitation } from "@/server/auth/invitations/create-invitation";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { deliver, revokeInvitations, type PendingInvitation } from "./invite-staff";
import { loadReseller, loadStaff } from "./reseller-guard";
import { staffView } from "./reseller-view";
import type { InvitedStaff, StaffView } from "./reseller.types";

/**
 * Whose staff a caller may manage: `null` any reseller's (operators); a reseller id only that
 * reseller's own (its staff, who are also refused while it is suspended).
 */
export type StaffScope = { resellerId: string | null; invitedBy: (reseller: { name: string; parentName: string | null }) => string };

// An invited account's stand-in hash (create-invitation.ts): it has never chosen a password.
const neverSetPassword = (passwordHash: string) => passwordHash.startsWith("!invited:");

/** A new invitation link for an account that has not set its password; older links stop working. */
export async function resendInvitation(actor: AuditActor, userId: string, scope: StaffScope): Promise<InvitedStaff> {
  let pending: PendingInvitation | null = null;
  await db.$transaction(async (tx) => {
    const user = await loadStaff(tx, userId, scope.resellerId);
    const reseller = await loadReseller(tx, user.resellerId!, { requireActive: scope.resellerId !== null });
    if (user.status === "disabled") throw new DomainError("PRECONDITION_FAILED", say("This account is disabled; enable it first", "该账号已停用，请先启用"));
    if (user.status === "active") throw new DomainError("PRECONDITION_FAILED", say("This account has already set its password", "该账号已设置密码，无需再次邀请"));
    await revokeInvitations(tx, user.id);
    const invitation = await createInvitation(tx, { userId: user.id });
    pending = { to: user.email, name: user.name, ...invitation, organisation: reseller.name, invitedBy: scope.invitedBy({ name: reseller.name, parentName: reseller.parent?.name ?? null }) };
    await recordAudit(actor, { action: "reseller.staff.resend_invitation", tenantId: null, target: { type: "user", id: user.id }, details: { resellerId: reseller.id, email: user.email } }, tx);
  });
  return { user: await staffView(userId), invitationSent: await deliver(pending) };
}

/**
 * Disables or re-enables a staff account. Disabled, its session ends at the next request and
 * its invitation links stop working; enabled again, it is active, or invited when it never set
 * a password (then resend its invitation). Repeating the same change writes nothing.
 */
export async function setStaffEnabled(actor: AuditActor, userId: string, enabled: boolean, scope: StaffScope): Promise<StaffView> {
  await db.$transaction(async (tx) => {
    const user = await loadStaff(tx, userId, scope.resellerId);
    await loadReseller(tx, user.resellerId!, { requireActive: scope.resellerId !== null });
    if (!enabled && user.id === actor.id) throw new DomainError("PRECONDITION_FAILED", say("You cannot disable your own account", "不能停用自己的账号"));
    const status = enabled ? (user.status !== "disabled" ? user.status : neverSetPassword(user.passwordHash) ? "invited" : "active") : "disabled";
    if (status === user.status) return;
    await tx.user.update({ where: { id: user.id }, data: { status } });
    if (!enabled) await revokeInvitations(tx, user.id);
    await recordAudit(
      actor,
      { action: enabled ? "reseller.staff.enable" : "reseller.staff.disable", tenantId: null, target: { type: "user", id: user.id }, details: { resellerId: user.resellerId, before: user.status, after: status } },
      tx,
    );
  });
  return staffView(userId);
}
