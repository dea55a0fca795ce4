import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { accountLabels } from "./account-labels";

export type LockView = {
  id: string;
  kind: "user" | "mailbox" | "ip";
  accountId: string | null;
  /** The account's e-mail (portal users) or address (mailboxes); null for an address lock. */
  account: string | null;
  ip: string | null;
  tenantId: string | null;
  tenantName: string | null;
  failures: number;
  lockedAt: Date;
  lockedUntil: Date;
};

/** Locks in force are few (they end by themselves within a day): a bounded list, newest first. */
const LIMIT = 500;

/**
 * Locks in force now (not lifted, not yet ended). `tenantId`: a tenant admin's tenant, whose
 * users' and mailboxes' locks they see; null for operators, who see every lock, per-address ones too.
 */
export async function listActiveLocks(tenantId: string | null): Promise<LockView[]> {
  const now = clock.now();
  const rows = await db.accountLock.findMany({
    where: { unlockedAt: null, lockedUntil: { gt: now }, ...(tenantId ? { tenantId, accountKind: { not: null } } : {}) },
    orderBy: { lockedAt: "desc" },
    take: LIMIT,
  });
  const tenantIds = [...new Set(rows.map((r) => r.tenantId).filter((id): id is string => !!id))];
  const [labelOf, tenants] = await Promise.all([accountLabels(rows), db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, name: true } })]);
  const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.accountKind ?? "ip",
    accountId: r.accountId,
    account: labelOf(r),
    ip: r.ip,
    tenantId: r.tenantId,
    tenantName: r.tenantId ? (tenantName.get(r.tenantId) ?? null) : null,
    failures: r.failures,
    lockedAt: r.lockedAt,
    lockedUntil: r.lockedUntil,
  }));
}
