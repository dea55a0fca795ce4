import type { SessionUser } from "@/server/auth/session-user";
import type { SessionAccount } from "./revoke-sessions";

/** The account a session belongs to: a User, or a Mailbox for mailbox users (AuthSession.accountKind). */
export function sessionAccountOf(user: SessionUser): SessionAccount {
  return user.role === "mailbox_user" ? { kind: "mailbox", id: user.mailboxId ?? user.id } : { kind: "user", id: user.id };
}
