import type { Announcement } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { announcementState } from "./announcement-rules";
import type { FeedAnnouncement, Level, ManagedAnnouncement, Scope, TargetView } from "./announcement.types";
import { sanitizeBody } from "./sanitize-body";
import { resellersInTree } from "@/server/resellers/reseller-tree";

export const MANAGED_INCLUDE = { targets: { select: { targetId: true } }, _count: { select: { reads: true } } } as const;
type ManagedRow = Announcement & { targets: { targetId: string }[]; _count: { reads: number } };

/**
 * Rows as their publisher manages them, with the names of their targets (tenants or departments)
 * and audience reseller looked up in one query each for the whole page. Bodies are sanitised
 * again on the way out, whatever is in the column.
 */
export async function toManagedViews(rows: ManagedRow[], now: Date): Promise<ManagedAnnouncement[]> {
  // A reseller's page names only tenants still in its tree: a client moved to another reseller
  // since is shown as "—", so the move never reveals where it went or what it is called now.
  const resellerIds = [...new Set(rows.flatMap((r) => (r.scope === "reseller" && r.resellerId ? [r.resellerId] : [])))];
  const tree = resellerIds.length === 1 ? await resellersInTree(resellerIds[0]!) : null;
  const tenantIds = rows.filter((r) => r.scope !== "tenant").flatMap((r) => r.targets.map((t) => t.targetId));
  const departmentIds = rows.filter((r) => r.scope === "tenant").flatMap((r) => r.targets.map((t) => t.targetId));
  const audienceResellerIds = rows.flatMap((r) => (r.audienceResellerId ? [r.audienceResellerId] : []));
  const [tenants, departments, resellers] = await Promise.all([
    tenantIds.length ? db.tenant.findMany({ where: { id: { in: tenantIds }, ...(tree ? { resellerId: { in: tree } } : {}) }, select: { id: true, name: true } }) : [],
    departmentIds.length ? db.department.findMany({ where: { id: { in: departmentIds } }, select: { id: true, name: true } }) : [],
    audienceResellerIds.length ? db.reseller.findMany({ where: { id: { in: audienceResellerIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map<string, string>([...tenants, ...departments, ...resellers].map((n) => [n.id, n.name]));
  const named = (id: string): TargetView => ({ id, name: names.get(id) ?? "—" });
  return rows.map((r) => ({
    id: r.id,
    scope: r.scope as Scope,
    title: r.title,
    body: sanitizeBody(r.body),
    level: r.level as Level,
    audience: r.audience,
    audienceReseller: r.audienceResellerId ? named(r.audienceResellerId) : null,
    targets: r.targets.map((t) => named(t.targetId)),
    publishAt: r.publishAt,
    takeDownAt: r.takeDownAt,
    state: announcementState(r, now),
    maintenance: r.maintenanceWindowId !== null,
    readCount: r._count.reads,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function toManagedView(row: ManagedRow, now: Date): Promise<ManagedAnnouncement> {
  return (await toManagedViews([row], now))[0]!;
}

type FeedRow = Pick<Announcement, "id" | "scope" | "title" | "body" | "level" | "publishAt" | "takeDownAt"> & { reads: unknown[] };

/** A row the reader's feed query returned (published, so publishAt is set), read or not by them. */
export function toFeedView(r: FeedRow, now: Date): FeedAnnouncement {
  return {
    id: r.id,
    from: r.scope as Scope,
    title: r.title,
    body: sanitizeBody(r.body),
    level: r.level as Level,
    publishAt: r.publishAt!,
    takeDownAt: r.takeDownAt,
    state: r.takeDownAt && r.takeDownAt.getTime() <= now.getTime() ? "ended" : "current",
    read: r.reads.length > 0,
  };
}
