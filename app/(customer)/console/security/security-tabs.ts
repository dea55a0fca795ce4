// A plain module (not "use client"), so the server page can read the tab keys for ?tab=.
export const SECURITY_TABS = ["password", "lockout", "ipRules", "totp", "sessions", "locks", "secondFactor"] as const;
export type SecurityTab = (typeof SECURITY_TABS)[number];
