import { db } from "@/server/shared/db";
import { DEFAULT_POLICY, loadSecurityPolicy, type SecurityPolicyValues } from "./security-policy";
import { MAX_AGE_FLOOR, POLICY_BOUNDS } from "./policy-rules";

export type SecurityPolicyView = SecurityPolicyValues & {
  scope: string;
  /** True when the scope has never been edited and the defaults apply. */
  isDefault: boolean;
  updatedAt: Date | null;
  defaults: SecurityPolicyValues;
  bounds: typeof POLICY_BOUNDS;
  maxAgeFloor: number;
};

/** The policy in force for a scope (a tenant's id or "platform"), with what the form needs to explain it. */
export async function getSecurityPolicy(scope: string): Promise<SecurityPolicyView> {
  const row = await db.securityPolicy.findUnique({ where: { scope }, select: { updatedAt: true } });
  const values = await loadSecurityPolicy(scope);
  return { ...values, scope, isDefault: !row, updatedAt: row?.updatedAt ?? null, defaults: { ...DEFAULT_POLICY }, bounds: POLICY_BOUNDS, maxAgeFloor: MAX_AGE_FLOOR };
}
