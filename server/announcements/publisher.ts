import type { Prisma } from "@/server/generated/prisma/client.ts";
import { DomainError, say } from "@/server/shared/errors";
import type { Scope } from "./announcement.types";

/**
 * Who manages an announcement: operators (platform), one reseller (its own only: a parent does not
 * edit its sub-reseller's), one tenant's admins (internal ones). Every use case scopes its rows by
 * the publisher, so someone else's announcement is NOT_FOUND.
 */
export type Publisher = { scope: "platform" } | { scope: "reseller"; resellerId: string } | { scope: "tenant"; tenantId: string };

export const PLATFORM: Publisher = { scope: "platform" };

export function publisherWhere(p: Publisher): Prisma.AnnouncementWhereInput {
  if (p.scope === "reseller") return { scope: "reseller", resellerId: p.resellerId };
  if (p.scope === "tenant") return { scope: "tenant", tenantId: p.tenantId };
  return { scope: "platform" };
}

/** The columns a new announcement of this publisher carries. */
export function publisherColumns(p: Publisher): { scope: Scope; resellerId: string | null; tenantId: string | null } {
  return { scope: p.scope, resellerId: p.scope === "reseller" ? p.resellerId : null, tenantId: p.scope === "tenant" ? p.tenantId : null };
}

/** A stable key of the publisher, for idempotency (two publishers may use the same request id). */
export const publisherKey = (p: Publisher): string => (p.scope === "platform" ? "platform" : p.scope === "reseller" ? `reseller:${p.resellerId}` : `tenant:${p.tenantId}`);

/** The audit's tenant: a tenant's internal announcements appear in its operation log. */
export const auditTenantOf = (p: Publisher): string | null => (p.scope === "tenant" ? p.tenantId : null);

export const announcementNotFound = () => new DomainError("NOT_FOUND", say("Announcement not found", "公告不存在"));
