// Accounts for the sign-in gate's tests (not imported by application code).
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/server/auth/password";
import type { SecurityPolicyValues } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";

export const GATE_PASSWORD = "Gate#Pass2026";

let hash: Promise<string> | undefined;
const passwordHash = () => (hash ??= hashPassword(GATE_PASSWORD));
const unique = () => randomBytes(4).toString("hex");

/** A tenant with a tenant admin (and its policy row when `policy` is given). */
export async function gateTenant(policy: Partial<SecurityPolicyValues> = {}) {
  const tenant = await db.tenant.create({ data: { name: `Gate ${unique()}` } });
  await db.securityPolicy.create({ data: { scope: tenant.id, ...policy } });
  return { tenant, admin: await gateAdmin(tenant.id) };
}

export async function gateAdmin(tenantId: string, extra: { totpSecret?: string; totpEnabledAt?: Date } = {}) {
  return db.user.create({ data: { email: `admin-${unique()}@gate.test`, name: "Gate Admin", passwordHash: await passwordHash(), role: "tenant_admin", tenantId, ...extra } });
}

/** A random documentation-range address, so tests never share a per-address counter or lock. */
export function testIp(): string {
  const b = randomBytes(2);
  return `198.18.${b[0]}.${b[1]! % 250 + 1}`;
}
