import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import type { TeachOutcome } from "./quarantine.types";
import { teachFilter } from "./teach-filter";

/**
 * A mailbox user's "this is spam" (举报垃圾邮件) on a message delivered to them: Bayes learns it
 * as spam, so the next like it scores higher (issue 8 item 5). The message must be one of the
 * user's own received lines and still in their mailbox (a copy POP3 already deleted has no bytes
 * left to learn from). The operation log records the report; teaching is best effort.
 */
export async function reportSpam(actor: AuditActor, scope: { tenantId: string; mailboxId: string }, messageId: string): Promise<{ messageId: string; teach: TeachOutcome }> {
  const line = await db.messageEvent.findFirst({
    where: { messageId, tenantId: scope.tenantId, mailboxId: scope.mailboxId, direction: "inbound" },
    select: { sender: true, subject: true },
  });
  if (!line) throw new DomainError("NOT_FOUND", say("Message not found", "邮件不存在"));
  const copy = await db.storedMessage.findUnique({ where: { mailboxId_messageId: { mailboxId: scope.mailboxId, messageId } }, select: { path: true } });
  if (!copy) {
    throw new DomainError("PRECONDITION_FAILED", say("This message is no longer in your mailbox, so it cannot be reported", "该邮件已不在您的邮箱中（可能已被邮件客户端收取并删除），无法举报"));
  }
  await recordAudit(actor, { action: "mail.report_spam", tenantId: scope.tenantId, target: { type: "message", id: messageId }, details: { sender: line.sender, subject: line.subject } });
  return { messageId, teach: await teachFilter("spam", copy.path, messageId) };
}
