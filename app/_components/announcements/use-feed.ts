"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { FeedAnnouncement } from "@/server/announcements/announcement.types";

/** Whose feed: a portal user's (feed) or a mailbox user's (mailbox). */
export type FeedSource = "feed" | "mailbox";

/** The reader's current announcements, history page and read marking, for either kind of reader. */
export function useFeed(source: FeedSource) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const api = source === "feed" ? trpc.announcements.feed : trpc.announcements.mailbox;
  const markRead = useMutation(api.markRead.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: api.pathKey() }) }));
  return {
    current: (limit: number) => api.current.queryOptions({ limit }),
    history: (page: number, pageSize: number) => api.history.queryOptions({ page, pageSize }),
    /** Opening an unread one marks it read (the server ignores a second mark). */
    open: (item: FeedAnnouncement) => {
      if (!item.read) markRead.mutate({ id: item.id });
    },
  };
}

export { useQuery };
