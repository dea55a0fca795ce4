import { recordAudit } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { setAccountPassword } from "../passwords/set-account-password";
import { policyScopeOf } from "../policy/security-policy";
import type { TAcceptInvitationRequest } from "./accept-invitation.types";
import { expiredText, LINK_NOT_VALID, loadInvitation } from "./load-invitation";

const NOT_MATCHING = say("The two passwords are not the same", "两次输入的密码不一致");

/**
 * The invitee chooses a password: the account becomes active, the link is used up, and every
 * other link of the account stops working. One transaction, audited as the invitee. The same
 * rule as every password of the product, with the policy of the account's scope (setAccountPassword).
 */
export async function acceptInvitation(input: TAcceptInvitationRequest, ip: string | null): Promise<{ email: string }> {
  if (input.password !== input.confirm) throw new DomainError("BAD_INPUT", NOT_MATCHING, { confirm: [NOT_MATCHING] });
  return db.$transaction(async (tx) => {
    const { user, token, expired } = await loadInvitation(tx, input.token);
    if (expired) throw new DomainError("PRECONDITION_FAILED", expiredText(token.expiresAt));
    const now = clock.now();
    await setAccountPassword(tx, { kind: "user", id: user.id, scope: policyScopeOf(user), accountName: user.email, password: input.password }, now);
    // Conditional on still unused: of two concurrent accepts, only one can take the link.
    const taken = await tx.accountToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
    if (taken.count !== 1) throw new DomainError("NOT_FOUND", LINK_NOT_VALID);
    await tx.accountToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { status: "active" } });
    await recordAudit(
      { id: user.id, email: user.email, role: user.role, tenantId: user.tenantId, resellerId: user.resellerId, ip },
      { action: "invitation.accept", target: { type: "user", id: user.id }, details: { tokenId: token.id } },
      tx,
    );
    return { email: user.email };
  });
}
