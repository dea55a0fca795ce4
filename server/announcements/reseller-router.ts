import { router } from "@/server/trpc/init";
import { resellerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZAnnouncementId, ZCreateAnnouncementRequest, ZListAnnouncementsRequest, ZUpdateAnnouncementRequest } from "./announcement.types";
import { createAnnouncement } from "./create-announcement";
import { deleteAnnouncement } from "./delete-announcement";
import { getAnnouncement } from "./get-announcement";
import { listAnnouncements } from "./list-announcements";
import { listAudienceClients } from "./list-audience-clients";
import type { Publisher } from "./publisher";
import { publishAnnouncement } from "./publish-announcement";
import { takeDownAnnouncement } from "./take-down-announcement";
import { updateAnnouncement } from "./update-announcement";

const own = (ctx: { resellerId: string }): Publisher => ({ scope: "reseller", resellerId: ctx.resellerId });

// A reseller manages its own announcements to its clients. Another reseller's (a sibling's, its
// parent's, or its sub-reseller's) is NOT_FOUND: a sub-reseller's announcements are its own.
export const announcementsResellerRouter = router({
  list: resellerProcedure.input(ZListAnnouncementsRequest).query(({ ctx, input }) => listAnnouncements(own(ctx), input)),
  get: resellerProcedure.input(ZAnnouncementId).query(({ ctx, input }) => getAnnouncement(own(ctx), input.id)),
  create: resellerProcedure.input(ZCreateAnnouncementRequest).mutation(({ ctx, input }) => createAnnouncement(actorOf(ctx), own(ctx), input)),
  update: resellerProcedure.input(ZUpdateAnnouncementRequest).mutation(({ ctx, input }) => updateAnnouncement(actorOf(ctx), own(ctx), input)),
  publishNow: resellerProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => publishAnnouncement(actorOf(ctx), own(ctx), input.id)),
  takeDownNow: resellerProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => takeDownAnnouncement(actorOf(ctx), own(ctx), input.id)),
  delete: resellerProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => deleteAnnouncement(actorOf(ctx), own(ctx), input.id)),
  /** The "chosen tenants" picker: the clients of the reseller's tree. */
  clientOptions: resellerProcedure.query(({ ctx }) => listAudienceClients(ctx.resellerId)),
});
