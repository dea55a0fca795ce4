// The platform's own tenant that owns the SLA probe mailbox (server/sla/probes/probe-mailbox.ts).
// A well-known id, so billing, the SLA month close and the mail engine's daily limit can tell it
// apart without loading anything.
export const PROBE_TENANT_ID = "platform-sla-probes";
