import type { MailLogRequest } from "./mail-log-filters";
import { mailLogOf, type MailLogResponse } from "./mail-log-scope";

/**
 * 收发信记录 for a tenant admin (seed 000): every line of their tenant, newest first, 50 a page.
 * The tenant comes from the session only, so no input can reach another tenant's lines.
 */
export function searchMailLog(tenantId: string, request: MailLogRequest): Promise<MailLogResponse> {
  return mailLogOf({ tenantId }, request);
}
