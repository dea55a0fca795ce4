import { PLATFORM_SCOPE } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { cidrContains } from "../ip-rules/cidr";

type Reader = Pick<typeof db, "lockoutAllowEntry">;

/**
 * True when `ip` is on the lockout allow-list of `scope` (a tenant's, seed 001) or on the
 * platform's. An exempt address is never locked out and its failures are never counted (they
 * are still logged); the platform's list also covers staff accounts and the per-address lock.
 * An unknown address is never exempt.
 */
export async function isLockoutExempt(scope: string, ip: string | null, reader: Reader = db): Promise<boolean> {
  if (!ip) return false;
  const entries = await reader.lockoutAllowEntry.findMany({ where: { scope: { in: [...new Set([scope, PLATFORM_SCOPE])] } }, select: { cidr: true } });
  return entries.some((e) => cidrContains(e.cidr, ip));
}
