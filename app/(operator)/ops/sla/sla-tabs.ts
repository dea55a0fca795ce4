// The tabs of /ops/sla, in a plain module: the page (a server component) reads ?tab= against
// them, and a client module's exports are only references on the server.
export const SLA_TABS = ["months", "credits", "operations"] as const;
export type SlaTab = (typeof SLA_TABS)[number];
