import { db } from "@/server/shared/db";
import { DomainError, notFound, say } from "@/server/shared/errors";
import { tenantTransaction, type Tx } from "@/server/tenants/tenant-transaction";
import { PLATFORM_SCOPE } from "./security-policy";

// A policy scope is a tenant's id or "platform" (security-policy.ts). Writes to a tenant's scope
// hold the tenant's row lock, so a policy change and an IP-rule change of the same tenant run one
// after the other and the "would this lock the admin out" check sees the other's result.

export const isPlatform = (scope: string) => scope === PLATFORM_SCOPE;

/** The operation log's tenant of a change to a scope: the tenant, none for the platform. */
export const auditTenantOfScope = (scope: string): string | null => (isPlatform(scope) ? null : scope);

export function scopeTransaction<T>(scope: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isPlatform(scope)) return db.$transaction(fn, { isolationLevel: "ReadCommitted" });
  return tenantTransaction(scope, (tx) => fn(tx));
}

/** An operator's tenant id: one that does not exist is NOT_FOUND, before anything is read. */
export async function assertTenantExists(tenantId: string): Promise<void> {
  const found = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!found) throw notFound("Tenant");
}

/** A cap per scope, so a list stays something a person can read and a sign-in checks quickly. */
export const MAX_ENTRIES = 200;

/** `what` names the list: ["IP rules", "IP 登录规则"]. */
export function refuseOverCap(count: number, [en, zh]: [string, string]): void {
  if (count >= MAX_ENTRIES) {
    throw new DomainError("PRECONDITION_FAILED", say(`At most ${MAX_ENTRIES} ${en} are allowed; remove one first`, `${zh}最多 ${MAX_ENTRIES} 条，请先删除一条`));
  }
}
