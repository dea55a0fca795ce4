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
  /** The AuthSession row this browser holds (server/auth/sessions); revoking it signs it out. */
  sessionId?: string | null;
  /**
   * What the account must do before anything else: change an expired password, or enrol a
   * second factor its policy requires. Computed on every request; procedures refuse all but
   * the ones that resolve it.
   */
  restriction?: "change_password" | "enrol_totp" | null;
};
