import type { CheckStatus } from "./check-types";

// The state one check implies (issue 5 item 5): ownership proves the domain is the tenant's;
// MX, SPF and DKIM make mail flow; DMARC and the client CNAMEs are advice and never block.
// "degraded" is not decided here: it needs the previous state and flap damping (two
// consecutive checks), which the re-verification use case owns. `dkim` is the status of the
// key that signs (or, before any key is active, of the pending one): during a rotation the
// retiring selector does not matter.

export type ImpliedState = "unverified" | "owned" | "mail_ready";
export type StepStatuses = { ownership: CheckStatus; mx: CheckStatus; spf: CheckStatus; dkim: CheckStatus };
export const MAIL_STEPS = ["mx", "spf", "dkim"] as const;

export function impliedState(s: StepStatuses): { state: ImpliedState; blocking: (keyof StepStatuses)[] } {
  if (s.ownership !== "ok") return { state: "unverified", blocking: ["ownership"] };
  const blocking = MAIL_STEPS.filter((step) => s[step] !== "ok");
  return { state: blocking.length ? "owned" : "mail_ready", blocking };
}
