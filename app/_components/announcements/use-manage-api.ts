"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { Scope } from "@/server/announcements/announcement.types";

/**
 * The publisher's procedures: operators', a reseller's or a tenant admin's. All three routers
 * take and return the same shapes, so the pages and the editor are written once.
 */
export function useManageApi(scope: Scope) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const api = scope === "platform" ? trpc.announcements.ops : scope === "reseller" ? trpc.announcements.reseller : trpc.announcements.tenant;
  return {
    api: api as typeof trpc.announcements.ops,
    /** A write changed the lists and maybe the publisher's own home feed. */
    refresh: () => void queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() }),
  };
}
