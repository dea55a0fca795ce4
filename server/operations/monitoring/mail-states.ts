// The delivery states the dashboard charts (DeliveryStatus in schema.prisma), in the chart's
// stacking order. A module of its own with no imports: the page's client bundle reads it.
export const MAIL_STATES = ["received", "queued", "delivered", "relayed", "deferred", "bounced", "quarantined"] as const;
export type MailState = (typeof MAIL_STATES)[number];
export type HourCounts = { hour: Date } & Record<MailState, number>;
