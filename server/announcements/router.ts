import { router } from "@/server/trpc/init";
import { announcementsFeedRouter, announcementsMailboxRouter } from "./feed-router";
import { announcementsOpsRouter } from "./ops-router";
import { announcementsResellerRouter } from "./reseller-router";
import { announcementsTenantRouter } from "./tenant-router";

export const announcementsRouter = router({
  ops: announcementsOpsRouter,
  reseller: announcementsResellerRouter,
  tenant: announcementsTenantRouter,
  feed: announcementsFeedRouter,
  mailbox: announcementsMailboxRouter,
});
