import type { ListEntryRole, ListPolicy } from "@/server/generated/prisma/enums.ts";

// What the console shows of a list: the table's row, and the detail drawer's entries.

export const LIST_SUMMARY_SELECT = {
  id: true,
  address: true,
  domainId: true,
  name: true,
  description: true,
  policy: true,
  createdAt: true,
  _count: { select: { entries: { where: { role: "member" as const } } } },
} as const;

export type ListSummary = {
  id: string;
  address: string;
  domainId: string;
  name: string;
  description: string | null;
  policy: ListPolicy;
  memberCount: number;
  createdAt: Date;
};

type SummaryRow = Omit<ListSummary, "memberCount"> & { _count: { entries: number } };

export function toListSummary({ _count, ...row }: SummaryRow): ListSummary {
  return { ...row, memberCount: _count.entries };
}

/** A member or named sender: one of the tenant's mailboxes (mailboxId, displayName) or an outside address. */
export type ListEntryView = { id: string; role: ListEntryRole; address: string; mailboxId: string | null; displayName: string | null };

export type ListDetail = ListSummary & { members: ListEntryView[]; senders: ListEntryView[] };
