import { db } from "@/server/shared/db";
import { DEFAULT_POLICY, type SecurityPolicyValues } from "./security-policy-values";

// Browser code must import from ./security-policy-values (this file reaches the database).
export * from "./security-policy-values";

type Reader = Pick<typeof db, "securityPolicy">;

/** The stored policy of a scope, or the defaults when it has never been edited. */
export async function loadSecurityPolicy(scope: string, reader: Reader = db): Promise<SecurityPolicyValues> {
  const row = await reader.securityPolicy.findUnique({ where: { scope } });
  if (!row) return { ...DEFAULT_POLICY };
  const { scope: _s, updatedById: _u, updatedAt: _t, ...values } = row;
  return values;
}
