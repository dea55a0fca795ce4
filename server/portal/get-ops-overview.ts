import { db } from "@/server/shared/db";

export type OpsOverview = { tenants: number; resellers: number; users: number; plans: number };

/** The operator home's headline counts across the whole platform. */
export async function getOpsOverview(): Promise<OpsOverview> {
  const [tenants, resellers, users, plans] = await Promise.all([
    db.tenant.count(),
    db.reseller.count(),
    db.user.count(),
    db.plan.count(),
  ]);
  return { tenants, resellers, users, plans };
}
