import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import type { Role } from "@/server/auth/roles";
import { countAuditEntry } from "./audit-context";

/** Who did it and from where; the tRPC context builds one for every request. */
export type AuditActor = {
  id: string | null;
  email: string | null;
  role: Role | null;
  /** The actor's own tenant (tenant admins), so their actions appear in their tenant's log. */
  tenantId: string | null;
  /** The actor's reseller (reseller staff): logged beside the client tenant it acted for. */
  resellerId?: string | null;
  ip: string | null;
  /** Set when the action came through the provisioning API: every entry then names the key. */
  apiKey?: { id: string; prefix: string } | null;
};

export type AuditEntry = {
  action: string; // dotted verb, e.g. "plan.update", "audit.export"
  /** The tenant the action concerns; defaults to the actor's own tenant. */
  tenantId?: string | null;
  target?: { type: string; id: string } | null;
  result?: "success" | "failure";
  details?: Prisma.InputJsonValue;
};

type Tx = Pick<typeof db, "auditEvent">;

/** An API call's entry says so in its details, whatever the use case wrote there. */
function withApiKey(details: Prisma.InputJsonValue | undefined, apiKey: AuditActor["apiKey"]): Prisma.InputJsonValue | undefined {
  if (!apiKey) return details;
  const own = details === undefined ? {} : typeof details === "object" && !Array.isArray(details) ? details : { value: details };
  return { ...own, via: "api", apiKeyId: apiKey.id, apiKeyPrefix: apiKey.prefix };
}

/**
 * Appends one operation-log row. Every mutating use case calls this, inside its transaction
 * when it has one (pass `tx`), so the log and the change commit or roll back together.
 * The table rejects UPDATE and DELETE at the database (triggers in the migration). Inside a
 * mutation the row is also counted, so the mutation middleware knows not to add its fallback.
 */
export async function recordAudit(actor: AuditActor, entry: AuditEntry, tx: Tx = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      occurredAt: clock.now(),
      actorId: actor.id,
      actorEmail: actor.email,
      actorRole: actor.role,
      actorResellerId: actor.resellerId ?? null,
      tenantId: entry.tenantId !== undefined ? entry.tenantId : actor.tenantId,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      result: entry.result ?? "success",
      details: withApiKey(entry.details, actor.apiKey) ?? undefined,
      ip: actor.ip?.slice(0, 45) ?? null,
    },
  });
  countAuditEntry(entry.result ?? "success");
}
