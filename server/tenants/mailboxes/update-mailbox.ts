import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { loadTenantDepartment } from "../departments/load-department";
import { assertWritable, tenantTransaction } from "../tenant-transaction";
import { loadTenantMailbox } from "./load-mailbox";
import { checkedMobile } from "./mailbox-input";
import { MAILBOX_VIEW_SELECT, toMailboxView, type MailboxView } from "./mailbox-view";
import { assertQuotaAllowed, requirePlanLimits } from "./plan-limits";
import type { TUpdateMailboxRequest } from "./update-mailbox.types";

/**
 * Changes a mailbox's display name, department, quota or mobile number (absent fields are kept;
 * sending the same values again changes nothing, so a retry is harmless). The quota stays within
 * the plan and above what the mailbox already stores.
 */
export async function updateMailbox(actor: AuditActor, tenantId: string, input: TUpdateMailboxRequest): Promise<MailboxView> {
  const mobile = input.mobile === undefined ? undefined : checkedMobile(input.mobile);
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const mailbox = await loadTenantMailbox(tx, tenantId, input.mailboxId);
    if (input.departmentId) await loadTenantDepartment(tx, tenantId, input.departmentId, "departmentId");
    if (input.quotaMb !== undefined && input.quotaMb !== mailbox.quotaMb) assertQuotaAllowed(input.quotaMb, await requirePlanLimits(tx, tenantId), mailbox.usedBytes);
    const changes = { displayName: input.displayName, departmentId: input.departmentId, quotaMb: input.quotaMb, mobile };
    const updated = await tx.mailbox.update({ where: { id: mailbox.id }, data: changes, select: MAILBOX_VIEW_SELECT });
    const changed = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await recordAudit(actor, { action: "mailbox.update", tenantId, target: { type: "mailbox", id: mailbox.id }, details: { address: mailbox.address, ...changed } }, tx);
    return toMailboxView(updated);
  });
}
