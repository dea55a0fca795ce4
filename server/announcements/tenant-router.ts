import { router } from "@/server/trpc/init";
import { customerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZAnnouncementId, ZCreateAnnouncementRequest, ZListAnnouncementsRequest, ZUpdateAnnouncementRequest } from "./announcement.types";
import { createAnnouncement } from "./create-announcement";
import { deleteAnnouncement } from "./delete-announcement";
import { getAnnouncement } from "./get-announcement";
import { listAnnouncements } from "./list-announcements";
import type { Publisher } from "./publisher";
import { publishAnnouncement } from "./publish-announcement";
import { takeDownAnnouncement } from "./take-down-announcement";
import { updateAnnouncement } from "./update-announcement";

const own = (ctx: { tenantId: string }): Publisher => ({ scope: "tenant", tenantId: ctx.tenantId });

// A tenant admin's internal announcements to all members or chosen departments (the department
// picker is tenants.departments.list). Another tenant's announcement is NOT_FOUND.
export const announcementsTenantRouter = router({
  list: customerProcedure.input(ZListAnnouncementsRequest).query(({ ctx, input }) => listAnnouncements(own(ctx), input)),
  get: customerProcedure.input(ZAnnouncementId).query(({ ctx, input }) => getAnnouncement(own(ctx), input.id)),
  create: customerProcedure.input(ZCreateAnnouncementRequest).mutation(({ ctx, input }) => createAnnouncement(actorOf(ctx), own(ctx), input)),
  update: customerProcedure.input(ZUpdateAnnouncementRequest).mutation(({ ctx, input }) => updateAnnouncement(actorOf(ctx), own(ctx), input)),
  publishNow: customerProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => publishAnnouncement(actorOf(ctx), own(ctx), input.id)),
  takeDownNow: customerProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => takeDownAnnouncement(actorOf(ctx), own(ctx), input.id)),
  delete: customerProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => deleteAnnouncement(actorOf(ctx), own(ctx), input.id)),
});
