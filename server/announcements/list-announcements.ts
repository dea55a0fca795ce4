import type { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { AnnouncementState } from "./announcement-rules";
import { MANAGED_INCLUDE, toManagedViews } from "./announcement-view";
import type { ManagedAnnouncement, TListAnnouncementsRequest } from "./announcement.types";
import { publisherWhere, type Publisher } from "./publisher";

/** The state filter in SQL, mirroring announcementState. */
export function stateWhere(state: AnnouncementState, now: Date): Prisma.AnnouncementWhereInput {
  switch (state) {
    case "draft":
      return { publishAt: null };
    case "scheduled":
      return { publishAt: { gt: now } };
    case "current":
      return { publishAt: { lte: now }, OR: [{ takeDownAt: null }, { takeDownAt: { gt: now } }] };
    case "ended":
      return { publishAt: { lte: now }, takeDownAt: { lte: now } };
  }
}

/** The publisher's announcements (its history included), newest first, one page. */
export async function listAnnouncements(publisher: Publisher, input: TListAnnouncementsRequest): Promise<{ rows: ManagedAnnouncement[]; total: number }> {
  const now = clock.now();
  const where: Prisma.AnnouncementWhereInput = {
    ...publisherWhere(publisher),
    deletedAt: null,
    ...(input.level ? { level: input.level } : {}),
    ...(input.audience ? { audience: input.audience } : {}),
    ...(input.state ? stateWhere(input.state, now) : {}),
  };
  const [rows, total] = await Promise.all([
    db.announcement.findMany({ where, include: MANAGED_INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
    db.announcement.count({ where }),
  ]);
  return { rows: await toManagedViews(rows, now), total };
}

