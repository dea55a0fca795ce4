import type { MailLogRequest } from "./mail-log-filters";
import { mailLogOf, type MailLogResponse } from "./mail-log-scope";

/**
 * A mailbox user's own lines (我的邮件投递状态): those whose mailboxId is theirs — what they sent
 * and what was delivered to them — and no one else's, even within their tenant.
 */
export function myMessages(tenantId: string, mailboxId: string, request: MailLogRequest): Promise<MailLogResponse> {
  return mailLogOf({ tenantId, mailboxId }, request);
}
