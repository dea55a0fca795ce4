import type { SessionUser } from "@/server/auth/session-user";
import { DomainError, say } from "@/server/shared/errors";

// What a restricted session may still call: who am I and my language (the page frame), and the
// procedures that lift the restriction or protect the account meanwhile. Everything else waits.
// Only the account's own second factor: an admin's reset of someone else's (resetForUser, and the
// list it picks from) is administration like any other, and waits until the restriction is lifted.
const OPEN_TO_RESTRICTED = [
  /^me\.(get|setLocale)$/,
  /^security\.(passwords|sessions)\./,
  /^security\.totp\.(status|beginEnrolment|confirmEnrolment|regenerateRecoveryCodes|disable)$/,
];
// A mailbox user changes an expired password on the self-service page, with its own procedures.
const OPEN_TO_RESTRICTED_MAILBOX = [/^tenants\.selfService\.(get|changePassword)$/];

/** Whether `path` may run for this session (pure); always true without a restriction. */
export function allowedWhileRestricted(user: Pick<SessionUser, "role" | "restriction">, path: string): boolean {
  if (!user.restriction) return true;
  if (OPEN_TO_RESTRICTED.some((p) => p.test(path))) return true;
  return user.role === "mailbox_user" && OPEN_TO_RESTRICTED_MAILBOX.some((p) => p.test(path));
}

export function restrictionRefusal(restriction: NonNullable<SessionUser["restriction"]>): DomainError {
  return restriction === "change_password"
    ? new DomainError("PRECONDITION_FAILED", say("Your password has expired: choose a new one before you continue", "您的密码已过期，请先设置新密码再继续操作"))
    : new DomainError("PRECONDITION_FAILED", say("Set up two-step verification before you continue: your account requires it", "您的账号要求二次验证，请先完成绑定再继续操作"));
}
