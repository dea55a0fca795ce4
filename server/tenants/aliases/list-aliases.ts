import { db } from "@/server/shared/db";
import { loadTenantMailbox } from "../mailboxes/load-mailbox";
import { planLimits } from "../mailboxes/plan-limits";
import type { TListAliasesResponse } from "./add-alias.types";

/** A mailbox's aliases, oldest first, with the plan's limit (for "2 / 5" in the drawer). */
export async function listAliases(tenantId: string, mailboxId: string): Promise<TListAliasesResponse> {
  const mailbox = await loadTenantMailbox(db, tenantId, mailboxId);
  const [rows, limits] = await Promise.all([
    db.mailAddress.findMany({ where: { mailboxId: mailbox.id, kind: "alias" }, select: { address: true, domainId: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    planLimits(db, tenantId),
  ]);
  return { mailboxAddress: mailbox.address, rows, limit: limits?.aliasesPerMailbox ?? 0 };
}
