import type { SessionRole } from "./roles";

/**
 * What a session carries: enough to scope every query without another lookup. For a mailbox
 * user (role "mailbox_user") `id` and `mailboxId` are the mailbox's id, `email` its address,
 * `name` its display name and `tenantId` the mailbox's tenant.
 */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: SessionRole;
  tenantId: string | null;
  resellerId: string | null;
  /** Set for mailbox users only. */
  mailboxId?: string | null;
};
