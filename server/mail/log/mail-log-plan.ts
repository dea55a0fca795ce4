import type { MailLogFilters } from "./mail-log-filters";

// Which index a delivery-log search walks, and which filters remain to be checked on the rows
// it reaches. Every index ends in receivedAt (and, inside InnoDB, the primary key id), so a walk
// with equality on its leading columns yields lines already in (receivedAt, id) order: the page
// is the first 51 entries, never a sort of the whole range.

export const MAIL_LOG_INDEX = {
  mailbox: "MessageEvent_mailboxId_receivedAt_idx",
  sender: "MessageEvent_tenantId_sender_receivedAt_idx",
  recipient: "MessageEvent_tenantId_recipient_receivedAt_idx",
  status: "MessageEvent_tenantId_status_receivedAt_idx",
  time: "MessageEvent_tenantId_receivedAt_idx",
} as const;

export type MailLogIndex = keyof typeof MAIL_LOG_INDEX;
/** Filters an index cannot answer: checked on each row the walk reaches. */
export type ResidualFilter = "sender" | "recipient" | "status" | "direction" | "subject";

export type MailLogScope = { tenantId: string; mailboxId?: string };
export type MailLogPlan = { index: MailLogIndex; residual: ResidualFilter[] };

/**
 * The most selective index the filters allow: a mailbox user's own lines, then an exact sender,
 * recipient, status, else the tenant's whole log by time. Direction and subject never have an
 * index of their own; they (and any second exact filter) are residual.
 */
export function planMailLogQuery(scope: MailLogScope, filters: Partial<Pick<MailLogFilters, ResidualFilter>>): MailLogPlan {
  const given = (["sender", "recipient", "status", "direction", "subject"] as const).filter((k) => filters[k] !== undefined);
  const index: MailLogIndex = scope.mailboxId
    ? "mailbox"
    : filters.sender !== undefined
      ? "sender"
      : filters.recipient !== undefined
        ? "recipient"
        : filters.status !== undefined
          ? "status"
          : "time";
  return { index, residual: given.filter((k) => k !== index) };
}
