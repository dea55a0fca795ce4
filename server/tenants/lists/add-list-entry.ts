import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import type { ListEntryRole } from "@/server/generated/prisma/enums.ts";
import { notFound, say } from "@/server/shared/errors";
import { fieldRefusal } from "../addresses/claim-address";
import { assertWritable, tenantTransaction, type Tx } from "../tenant-transaction";
import type { TAddListEntryRequest } from "./add-list-entry.types";
import type { ListEntryView } from "./list-view";
import { loadTenantList } from "./load-tenant-list";
import { checkOutsideAddress } from "./outside-address";

type Target = { address: string; mailboxId: string | null; displayName: string | null; field: "mailboxId" | "address" };

/**
 * The entry's address and mailbox: a mailbox must be the tenant's (another tenant's is NOT_FOUND).
 * A typed address that is one of the tenant's mailboxes is linked to it, so deleting the mailbox
 * removes it from the list as if it had been picked.
 */
async function targetOf(tx: Tx, tenantId: string, input: TAddListEntryRequest): Promise<Target> {
  if (input.mailboxId) {
    const mailbox = await tx.mailbox.findFirst({ where: { id: input.mailboxId, tenantId }, select: { id: true, address: true, displayName: true } });
    if (!mailbox) throw notFound("Mailbox");
    return { address: mailbox.address, mailboxId: mailbox.id, displayName: mailbox.displayName, field: "mailboxId" };
  }
  const checked = checkOutsideAddress(input.address ?? "");
  if (!checked.ok) throw fieldRefusal("BAD_INPUT", checked.message, "address");
  const own = await tx.mailbox.findFirst({ where: { address: checked.value, tenantId }, select: { id: true, displayName: true } });
  return { address: checked.value, mailboxId: own?.id ?? null, displayName: own?.displayName ?? null, field: "address" };
}

const duplicateText = (address: string, role: ListEntryRole) =>
  role === "member"
    ? say(`${address} is already a member of this list`, `${address} 已经是该邮件列表的成员`)
    : say(`${address} is already a named sender of this list`, `${address} 已经是该邮件列表的指定使用者`);

/** Adds a member or a named sender. Lists use no seats; an address appears once per role. */
export async function addListEntry(actor: AuditActor, tenantId: string, input: TAddListEntryRequest): Promise<ListEntryView> {
  return tenantTransaction(tenantId, async (tx, tenant) => {
    assertWritable(tenant);
    const list = await loadTenantList(tx, tenantId, input.listId);
    const target = await targetOf(tx, tenantId, input);
    // The tenant lock serialises writers, so this check cannot race; the unique index backs it.
    const existing = await tx.mailingListEntry.findFirst({ where: { listId: list.id, role: input.role, address: target.address }, select: { id: true } });
    if (existing) throw fieldRefusal("CONFLICT", duplicateText(target.address, input.role), target.field);
    const entry = await tx.mailingListEntry.create({
      data: { listId: list.id, role: input.role, address: target.address, mailboxId: target.mailboxId },
      select: { id: true, role: true, address: true, mailboxId: true },
    });
    await recordAudit(
      actor,
      { action: "list.entry.add", tenantId, target: { type: "mailingList", id: list.id }, details: { list: list.address, role: input.role, address: target.address } },
      tx,
    );
    return { ...entry, displayName: target.displayName };
  });
}
