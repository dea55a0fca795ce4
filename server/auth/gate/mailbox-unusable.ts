/**
 * Why a mailbox cannot sign in although its password is right, or null when it can. The
 * self-service page lets a suspended tenant's users in (to see their quota and change their
 * password: `allowSuspendedTenant`); mail clients need an active tenant.
 */
export function mailboxUnusable(m: { status: string; tenant: { status: string; purgedAt: Date | null } }, allowSuspendedTenant: boolean): string | null {
  if (m.status !== "active") return `mailbox ${m.status}`;
  if (m.tenant.purgedAt) return "tenant purged";
  if (m.tenant.status === "frozen") return "tenant frozen";
  if (!allowSuspendedTenant && m.tenant.status !== "active") return `tenant ${m.tenant.status}`;
  return null;
}
