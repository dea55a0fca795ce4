// The tabs of the operators' billing page, in order. A plain module (not "use client") so the
// server page can check ?tab= with the same list.
export const BILLING_TABS = ["overview", "transfers", "balances", "overdue", "runs"] as const;
export type BillingTab = (typeof BILLING_TABS)[number];

export const isBillingTab = (value: string): value is BillingTab => (BILLING_TABS as readonly string[]).includes(value);
