import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { LIST_SUMMARY_SELECT, toListSummary, type ListDetail, type ListEntryView } from "./list-view";

/** One of the tenant's lists with its members and named senders, each sorted by address. */
export async function getList(tenantId: string, listId: string): Promise<ListDetail> {
  const row = await db.mailingList.findFirst({
    where: { id: listId, tenantId },
    select: {
      ...LIST_SUMMARY_SELECT,
      entries: { select: { id: true, role: true, address: true, mailboxId: true, mailbox: { select: { displayName: true } } }, orderBy: { address: "asc" } },
    },
  });
  if (!row) throw notFound("Mailing list");
  const { entries, ...summary } = row;
  const views: ListEntryView[] = entries.map(({ mailbox, ...e }) => ({ ...e, displayName: mailbox?.displayName ?? null }));
  return { ...toListSummary(summary), members: views.filter((e) => e.role === "member"), senders: views.filter((e) => e.role === "sender") };
}
