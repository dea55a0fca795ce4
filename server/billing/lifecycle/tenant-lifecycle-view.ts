import type { Tx } from "../ledger/money-transaction";

export type TenantLifecycleView = {
  id: string;
  status: "active" | "suspended" | "frozen";
  suspendedReason: "non_payment" | "operator" | null;
  suspendedAt: Date | null;
  /** End of the frozen period after termination; the purge job runs after it. */
  frozenUntil: Date | null;
  purgedAt: Date | null;
};

/** The tenant's lifecycle fields as the operator's screens show them after an action. */
export function readTenantLifecycle(tx: Tx, tenantId: string): Promise<TenantLifecycleView> {
  return tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { id: true, status: true, suspendedReason: true, suspendedAt: true, frozenUntil: true, purgedAt: true },
  });
}

/** "frozen until 2026-07-08 10:00 UTC", for messages. */
export const utcMinute = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "an unknown date");
