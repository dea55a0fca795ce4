import type { Prisma } from "@/server/generated/prisma/client.ts";

/** Published (ever), not deleted: what a reader's history holds. */
export const publishedWhere = (now: Date): Prisma.AnnouncementWhereInput => ({ deletedAt: null, publishAt: { not: null, lte: now } });

/** Showing now: published and not yet taken down. */
export const currentWhere = (now: Date): Prisma.AnnouncementWhereInput => ({ ...publishedWhere(now), OR: [{ takeDownAt: null }, { takeDownAt: { gt: now } }] });

/** Both conditions must hold: kept apart under AND so neither's OR replaces the other's. */
export const both = (a: Prisma.AnnouncementWhereInput, b: Prisma.AnnouncementWhereInput): Prisma.AnnouncementWhereInput => ({ AND: [a, b] });
