// Shared by the plans integration tests. Not imported by application code.
import { db } from "@/server/shared/db";
import type { AuditActor } from "@/server/audit/record-audit";
import type { TCreatePlanRequest } from "./create-plan.types";

export const operatorActor: AuditActor = { id: "ops", email: "ops@example.test", role: "operator", tenantId: null, ip: "127.0.0.1" };

let next = 0;

/** A valid create request with a fresh code; the 263 standard catalogue's numbers. */
export function newPlanInput(overrides: Partial<TCreatePlanRequest> = {}): TCreatePlanRequest {
  next += 1;
  return {
    code: `plan-${next}-${Math.random().toString(36).slice(2, 8)}`,
    name: `Plan ${next}`,
    pricePerSeatYear: 20_000,
    currency: "CNY",
    mailboxQuotaMb: 263 * 1024,
    mailboxMessageLimit: 50_000,
    attachmentLimitMb: 30,
    largeAttachmentLimitMb: 2048,
    aliasesPerMailbox: 5,
    domainsPerTenant: 5,
    dailySendLimit: 1000,
    ...overrides,
  };
}

/** Row counts of everything a plan write touches, to prove a refused call wrote nothing. */
export async function planWriteCounts() {
  const [plans, prices, audits] = await Promise.all([
    db.plan.count(),
    db.planPrice.count(),
    db.auditEvent.count({ where: { action: { startsWith: "plan." } } }),
  ]);
  return { plans, prices, audits };
}
