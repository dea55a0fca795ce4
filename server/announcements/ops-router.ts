import { z } from "zod";
import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZAnnouncementId, ZCreateAnnouncementRequest, ZListAnnouncementsRequest, ZUpdateAnnouncementRequest } from "./announcement.types";
import { createAnnouncement } from "./create-announcement";
import { deleteAnnouncement } from "./delete-announcement";
import { listResellerOptions } from "./list-reseller-options";
import { getAnnouncement } from "./get-announcement";
import { listAnnouncements } from "./list-announcements";
import { PLATFORM } from "./publisher";
import { publishAnnouncement } from "./publish-announcement";
import { takeDownAnnouncement } from "./take-down-announcement";
import { updateAnnouncement } from "./update-announcement";

// Operators manage platform announcements (maintenance windows' included, read-only here).
// Tenants for "chosen tenants" are picked with the billing balances search (billing.ops.balances).
export const announcementsOpsRouter = router({
  list: operatorProcedure.input(ZListAnnouncementsRequest).query(({ input }) => listAnnouncements(PLATFORM, input)),
  get: operatorProcedure.input(ZAnnouncementId).query(({ input }) => getAnnouncement(PLATFORM, input.id)),
  create: operatorProcedure.input(ZCreateAnnouncementRequest).mutation(({ ctx, input }) => createAnnouncement(actorOf(ctx), PLATFORM, input)),
  update: operatorProcedure.input(ZUpdateAnnouncementRequest).mutation(({ ctx, input }) => updateAnnouncement(actorOf(ctx), PLATFORM, input)),
  publishNow: operatorProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => publishAnnouncement(actorOf(ctx), PLATFORM, input.id)),
  takeDownNow: operatorProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => takeDownAnnouncement(actorOf(ctx), PLATFORM, input.id)),
  delete: operatorProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => deleteAnnouncement(actorOf(ctx), PLATFORM, input.id)),
  /** The reseller picker of the "one reseller's clients" audience: by part of the name, 20 at most. */
  resellerOptions: operatorProcedure
    .input(z.object({ search: z.string().trim().max(120).default("") }).default({ search: "" }))
    .query(({ input }) => listResellerOptions(input.search)),
});
