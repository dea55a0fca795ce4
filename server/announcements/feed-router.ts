import { router } from "@/server/trpc/init";
import { authedProcedure, mailboxProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { ZAnnouncementId, ZFeedCurrentRequest, ZFeedHistoryRequest } from "./announcement.types";
import { readerOf, type Reader } from "./audience-where";
import { countUnread } from "./count-unread";
import { listCurrentFeed } from "./list-current-feed";
import { listFeedHistory } from "./list-feed-history";
import { markRead } from "./mark-read";

// What each reader is addressed by (see audience-where.ts): portal users on their homes, mailbox
// users on the self-service page (read marks kept under the mailbox id).
export const announcementsFeedRouter = router({
  current: authedProcedure.input(ZFeedCurrentRequest).query(({ ctx, input }) => listCurrentFeed(readerOf(ctx.user), input.limit)),
  history: authedProcedure.input(ZFeedHistoryRequest).query(({ ctx, input }) => listFeedHistory(readerOf(ctx.user), input)),
  unreadCount: authedProcedure.query(({ ctx }) => countUnread(readerOf(ctx.user))),
  markRead: authedProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => markRead(actorOf(ctx), readerOf(ctx.user), input.id)),
});

const mailboxReader = (ctx: { mailboxId: string; tenantId: string }): Reader => ({ kind: "mailbox", id: ctx.mailboxId, tenantId: ctx.tenantId });

export const announcementsMailboxRouter = router({
  current: mailboxProcedure.input(ZFeedCurrentRequest).query(({ ctx, input }) => listCurrentFeed(mailboxReader(ctx), input.limit)),
  history: mailboxProcedure.input(ZFeedHistoryRequest).query(({ ctx, input }) => listFeedHistory(mailboxReader(ctx), input)),
  unreadCount: mailboxProcedure.query(({ ctx }) => countUnread(mailboxReader(ctx))),
  markRead: mailboxProcedure.input(ZAnnouncementId).mutation(({ ctx, input }) => markRead(actorOf(ctx), mailboxReader(ctx), input.id)),
});
