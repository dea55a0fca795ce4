import type { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { env } from "@/server/shared/env";
import { tokenHashOf } from "./create-invitation";

type Tx = Pick<Prisma.TransactionClient, "accountToken" | "user">;

// A used or replaced link and an unknown one answer alike but say what to do: the token is 256
// random bits, so telling them apart leaks nothing worth guessing for.
export const LINK_NOT_VALID = say(
  "This invitation link is not valid: it was already used, replaced by a newer one, or mistyped. Sign in, or ask for a new invitation",
  "该邀请链接无效：已被使用、已被新的邀请取代或链接有误。请直接登录，或请对方重新发送邀请",
);

export const expiredText = (expiresAt: Date) => {
  const at = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(expiresAt);
  return say(`This invitation expired on ${at("en-GB")} (Beijing time); ask whoever invited you to send a new one`, `该邀请已于 ${at("zh-CN")}（北京时间）过期，请联系邀请人重新发送`);
};

/** The unused invitation behind `token` with its account and organisation name; NOT_FOUND otherwise. */
export async function loadInvitation(tx: Tx, token: string) {
  const row = await tx.accountToken.findUnique({ where: { tokenHash: tokenHashOf(token) } });
  if (!row || row.purpose !== "invite" || row.usedAt) throw new DomainError("NOT_FOUND", LINK_NOT_VALID);
  const user = await tx.user.findUnique({ where: { id: row.userId }, include: { tenant: { select: { name: true } }, reseller: { select: { name: true } } } });
  // A disabled account's links were revoked when it was disabled; one without a pending
  // invitation (already active) has nothing to accept.
  if (!user || user.status !== "invited") throw new DomainError("NOT_FOUND", LINK_NOT_VALID);
  const organisation = user.tenant?.name ?? user.reseller?.name ?? env().PLATFORM_NAME;
  return { token: row, user, organisation, expired: row.expiresAt.getTime() <= clock.now().getTime() };
}
