import type { Prisma } from "@/server/generated/prisma/client.ts";

export type LoginAccount = { kind: "user" | "mailbox"; id: string };

/**
 * The login-log rows of one account. LoginEvent.userId holds a User's or a Mailbox's id, told
 * apart by accountKind; rows written before the kind existed (null) were all portal users.
 */
export function accountEventsWhere(account: LoginAccount): Prisma.LoginEventWhereInput {
  return account.kind === "mailbox"
    ? { userId: account.id, accountKind: "mailbox" }
    : { userId: account.id, OR: [{ accountKind: "user" }, { accountKind: null }] };
}
