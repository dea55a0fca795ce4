import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { ZListAlertsRequest, type TListAlertsRequest } from "./abuse.types";

export type AlertView = {
  id: string;
  kind: string;
  message: string;
  details: Prisma.JsonValue;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  tenant: { id: string; name: string } | null;
  mailboxId: string | null;
  /** The mailbox as it is now (its sending may have been lifted since). */
  mailbox: { id: string; address: string; sendingSuspendedAt: Date | null; sendingSuspendedReason: string | null } | null;
};

export type ListAlertsResponse = { rows: AlertView[]; total: number; open: number; page: number; pageSize: number };

/**
 * The operators' alerts: unacknowledged first (newest first), then acknowledged ones (newest
 * first). The (acknowledgedAt, createdAt) index serves both orders; NULLs sort first in
 * MariaDB's ascending order, which is exactly "open first".
 */
export async function listAlerts(request: TListAlertsRequest): Promise<ListAlertsResponse> {
  const input = ZListAlertsRequest.parse(request);
  const where: Prisma.OperatorAlertWhereInput = input.show === "open" ? { acknowledgedAt: null } : {};
  const [rows, total, open] = await Promise.all([
    db.operatorAlert.findMany({
      where,
      orderBy: [{ acknowledgedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
    db.operatorAlert.count({ where }),
    db.operatorAlert.count({ where: { acknowledgedAt: null } }),
  ]);
  const tenantIds = [...new Set(rows.map((r) => r.tenantId).filter((x): x is string => !!x))];
  const mailboxIds = [...new Set(rows.map((r) => r.mailboxId).filter((x): x is string => !!x))];
  const [tenants, mailboxes] = await Promise.all([
    db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, name: true } }),
    db.mailbox.findMany({ where: { id: { in: mailboxIds } }, select: { id: true, address: true, sendingSuspendedAt: true, sendingSuspendedReason: true } }),
  ]);
  const tenantById = new Map(tenants.map((t) => [t.id, t]));
  const mailboxById = new Map(mailboxes.map((m) => [m.id, m]));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      message: r.message,
      details: r.details,
      createdAt: r.createdAt,
      acknowledgedAt: r.acknowledgedAt,
      acknowledgedBy: r.acknowledgedBy,
      tenant: (r.tenantId && tenantById.get(r.tenantId)) || null,
      mailboxId: r.mailboxId,
      mailbox: (r.mailboxId && mailboxById.get(r.mailboxId)) || null,
    })),
    total,
    open,
    page: input.page,
    pageSize: input.pageSize,
  };
}
