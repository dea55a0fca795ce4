// A plain module (not "use client"), so the server page can read the tab keys for ?tab=.
export const OPS_SECURITY_TABS = ["platform", "allowList", "locks", "tenants", "accounts"] as const;
export type OpsSecurityTab = (typeof OPS_SECURITY_TABS)[number];
