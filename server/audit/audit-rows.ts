import type { AuditEvent, Prisma } from "@/server/generated/prisma/client.ts";
import type { Role } from "@/server/auth/roles";
import { db } from "@/server/shared/db";

/** One operation-log row as pages and the CSV see it (the BigInt id becomes a string). */
export type AuditEventRow = {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: Role | null;
  tenantId: string | null;
  /** Null when the tenant row is gone: the log outlives what it talks about. */
  tenantName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: "success" | "failure";
  details: Prisma.JsonValue | null;
  ip: string | null;
};

/** Names of the tenants a batch of rows mentions, in one query (the log has no foreign keys). */
export async function tenantNamesOf(rows: Pick<AuditEvent, "tenantId">[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.tenantId).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const tenants = await db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(tenants.map((t) => [t.id, t.name]));
}

export function toAuditEventRow(row: AuditEvent, tenantNames: Map<string, string>): AuditEventRow {
  return {
    id: row.id.toString(),
    occurredAt: row.occurredAt,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    tenantId: row.tenantId,
    tenantName: row.tenantId ? (tenantNames.get(row.tenantId) ?? null) : null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    result: row.result,
    details: row.details,
    ip: row.ip,
  };
}
