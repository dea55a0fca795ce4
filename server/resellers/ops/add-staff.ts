import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { withNamedLock } from "@/server/shared/named-lock";
import { findRepeat } from "./audit-repeat";
import { deliver, insertInvitedStaff, type PendingInvitation } from "./invite-staff";
import { assertEmailFree, loadReseller, uniqueEmail } from "./reseller-guard";
import { staffView } from "./reseller-view";
import type { InvitedStaff, TAddStaffRequest } from "./reseller.types";

const ACTION = "reseller.staff.invite";
const BUSY = say("Another staff account is being added; try again in a moment", "正在添加其他员工账号，请稍后重试");

/**
 * A new staff account of a reseller (role reseller, invited), e-mailed its invitation after
 * commit. `selfService`: the reseller's own staff is adding it, refused while suspended. A retry
 * with the same request id returns the first account.
 */
export async function addStaff(actor: AuditActor, input: TAddStaffRequest, options: { selfService?: boolean; invitedBy: (reseller: { name: string; parentName: string | null }) => string }): Promise<InvitedStaff> {
  let pending: PendingInvitation | null = null;
  const userId = await withNamedLock(ACTION, 10, BUSY, async (tx) => {
    const repeated = await findRepeat(tx, ACTION, actor.id, input.idempotencyKey);
    if (repeated) {
      const first = await tx.user.findUnique({ where: { id: repeated }, select: { id: true, email: true, resellerId: true } });
      if (!first || first.email !== input.email || first.resellerId !== input.resellerId) {
        throw new DomainError("CONFLICT", say("This request id was already used for a different staff account", "该请求编号已用于另一个员工账号"));
      }
      return first.id;
    }
    const reseller = await loadReseller(tx, input.resellerId, { requireActive: options.selfService });
    await assertEmailFree(tx, "email", input.email);
    const staff = await uniqueEmail("email", input.email, () =>
      insertInvitedStaff(tx, {
        resellerId: reseller.id,
        name: input.name,
        email: input.email,
        organisation: reseller.name,
        invitedBy: options.invitedBy({ name: reseller.name, parentName: reseller.parent?.name ?? null }),
      }),
    );
    pending = staff.pending;
    await recordAudit(
      actor,
      { action: ACTION, tenantId: null, target: { type: "user", id: staff.user.id }, details: { resellerId: reseller.id, email: staff.user.email, name: staff.user.name, idempotencyKey: input.idempotencyKey } },
      tx,
    );
    return staff.user.id;
  });
  const invitationSent = await deliver(pending);
  return { user: await staffView(userId), invitationSent };
}
