import type { Prisma } from "@/server/generated/prisma/client.ts";
import { tokenHashOf } from "@/server/auth/invitations/create-invitation";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";

type Tx = Pick<Prisma.TransactionClient, "accountToken" | "user">;

// Each refusal says what happened and what to do. The token is 256 random bits, so telling an
// unknown link from a used one leaks nothing worth guessing for.
export const RESET_LINK_UNKNOWN = say(
  "This password reset link is not valid: check that it was copied whole, or ask for a new one",
  "该重置密码链接无效：请检查链接是否完整，或重新申请",
);
export const RESET_LINK_USED = say(
  "This password reset link was already used or replaced by a newer one: ask for a new one if you still need it",
  "该重置密码链接已被使用或已被更新的申请取代：如仍需重置，请重新申请",
);
export const resetLinkExpired = (expiresAt: Date) => {
  const at = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(expiresAt);
  return say(`This password reset link expired on ${at("en-GB")} (Beijing time): ask for a new one`, `该重置密码链接已于 ${at("zh-CN")}（北京时间）过期，请重新申请`);
};

/**
 * The usable reset token behind `token` and its account: NOT_FOUND when unknown, used, replaced
 * or its account can no longer sign in (disabled, still invited); PRECONDITION_FAILED when expired.
 */
export async function loadResetToken(tx: Tx, token: string) {
  const row = await tx.accountToken.findUnique({ where: { tokenHash: tokenHashOf(token) } });
  if (!row || row.purpose !== "reset") throw new DomainError("NOT_FOUND", RESET_LINK_UNKNOWN);
  if (row.usedAt) throw new DomainError("NOT_FOUND", RESET_LINK_USED);
  const user = await tx.user.findUnique({ where: { id: row.userId } });
  if (!user || user.status !== "active") throw new DomainError("NOT_FOUND", RESET_LINK_UNKNOWN);
  if (row.expiresAt.getTime() <= clock.now().getTime()) throw new DomainError("PRECONDITION_FAILED", resetLinkExpired(row.expiresAt));
  return { token: row, user };
}
