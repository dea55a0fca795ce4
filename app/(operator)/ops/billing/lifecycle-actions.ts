import type { TenantSummary } from "@/server/billing/ops/list-balances.types";

// A plain module (not "use client") so the rule is unit-tested without rendering.

export type LifecycleAction = "suspend" | "unsuspend" | "terminate" | "restore";

/**
 * What the tenant's status allows, as server/billing/lifecycle decides it: suspending an active
 * tenant, or turning a non-payment suspension into an operator one; lifting an operator
 * suspension only (paying lifts the other); terminating a suspended tenant; restoring a frozen
 * one until it is purged (a purged tenant keeps status frozen, but its data is gone: nothing left).
 */
export function allowedLifecycleActions(t: Pick<TenantSummary, "status" | "suspendedReason" | "purgedAt">): LifecycleAction[] {
  if (t.purgedAt) return [];
  if (t.status === "active") return ["suspend"];
  if (t.status === "frozen") return ["restore"];
  return t.suspendedReason === "operator" ? ["unsuspend", "terminate"] : ["suspend", "terminate"];
}
