// Plain data, not in the "use client" tabs module: the server pages read it to pick the open tab
// (a client module's non-component exports are only references on the server).
export const ANNOUNCEMENT_TABS = ["received", "mine"] as const;
export type AnnouncementTab = (typeof ANNOUNCEMENT_TABS)[number];
