// A plain module (not "use client"), so the server page can read the tab keys for ?tab=.
export const RESELLER_TABS = ["profile", "staff", "pricing", "account", "clients"] as const;
export type ResellerTab = (typeof RESELLER_TABS)[number];
