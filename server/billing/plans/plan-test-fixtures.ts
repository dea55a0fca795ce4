// Shared by the plans integration tests. Not imported by application code.
import { db } from "@/server/shared/db";
import type { AuditActor } from "@/server/audit/record-audit";
import { DEMO_PLANS } from "@/prisma/seed/plans";
import { ZCreatePlanRequest, type TCreatePlanRequest } from "./create-plan.types";

export const operatorActor: AuditActor = { id: "ops", email: "ops@example.test", role: "operator", tenantId: null, ip: "127.0.0.1" };

let next = 0;

/** A valid create request with a fresh code: the seeded 263 standard plan under another code. */
export function newPlanInput(overrides: Partial<TCreatePlanRequest> = {}): TCreatePlanRequest {
  next += 1;
  const code = `plan-${next}-${Math.random().toString(36).slice(2, 8)}`;
  return { ...ZCreatePlanRequest.parse({ ...DEMO_PLANS[0], code, name: `Plan ${next}` }), ...overrides };
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
