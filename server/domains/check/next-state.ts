import type { DomainState } from "@/server/generated/prisma/client.ts";
import type { CheckStatus } from "../rules/check-types";
import { impliedState, type StepStatuses } from "../rules/domain-readiness";

// What a check means for a domain's state (issue 5 items 5 and 7). Pure; apply-check-result.ts
// runs it inside a transaction. The rules:
// - unverified → owned → mail_ready; a mail_ready (or degraded) domain whose check no longer
//   implies mail_ready is degraded; it is mail_ready again when a check implies it.
// - Ownership, once proven, is kept: customers often delete the token record afterwards, and
//   the name cannot be bound by anyone else meanwhile. So an owned+ domain is judged as if its
//   ownership step were ok, and never goes back to unverified.
// - Flap damping: a background ("schedule") check moves the state only when it agrees with the
//   previous check's candidate (two consecutive checks). A customer's "check now" ("manual")
//   moves a domain FORWARD at once (they just fixed their DNS and are watching the wizard) but
//   never backward: a backward move always needs two agreeing checks, whoever triggered them.
// - A backward move needs proof: at least one blocking step missing or wrong. Steps that are
//   only pending (seen on some resolvers) or unknown (a resolver failed) make the check
//   inconclusive: the state and the candidate stay as they were. A resolver failure therefore
//   never degrades a domain.

export type Trigger = "manual" | "schedule";

const RANK: Record<DomainState, number> = { unverified: 0, owned: 1, degraded: 1.5, mail_ready: 2 };
export const isOwnedState = (s: DomainState) => s !== "unverified";
const proves = (s: CheckStatus) => s === "missing" || s === "wrong";

/** The state this check alone points to, given where the domain is. */
export function targetState(current: DomainState, steps: StepStatuses): { state: DomainState; failing: (keyof StepStatuses)[] } {
  const judged = isOwnedState(current) ? { ...steps, ownership: "ok" as const } : steps;
  const implied = impliedState(judged);
  const failing = implied.blocking.filter((step) => proves(judged[step]));
  if (implied.state === "mail_ready") return { state: "mail_ready", failing };
  if (current === "mail_ready" || current === "degraded") return { state: "degraded", failing };
  return { state: implied.state, failing };
}

export type NextState = {
  state: DomainState;
  candidateState: DomainState | null;
  changed: boolean;
  /** The blocking steps proven missing or wrong (for the audit and the logs). */
  failing: (keyof StepStatuses)[];
};

export function nextState(input: { current: DomainState; candidate: DomainState | null; steps: StepStatuses; trigger: Trigger }): NextState {
  const { current, candidate, trigger } = input;
  const { state: target, failing } = targetState(current, input.steps);
  const stay = (candidateState: DomainState | null): NextState => ({ state: current, candidateState, changed: false, failing });
  if (target === current) return stay(null);
  const forward = RANK[target] > RANK[current];
  if (!forward && failing.length === 0) return stay(candidate); // inconclusive: ignored by damping
  if ((forward && trigger === "manual") || candidate === target) return { state: target, candidateState: null, changed: true, failing };
  return stay(target);
}

export type RecheckIntervals = { newSeconds: number; settledSeconds: number };
/** Every 10 minutes while new, then hourly (env DOMAIN_RECHECK_NEW_SECONDS / DOMAIN_RECHECK_SECONDS). */
export const DEFAULT_RECHECK: RecheckIntervals = { newSeconds: 600, settledSeconds: 3600 };
/** How long a domain counts as new: customers are still editing their DNS in the first two days. */
export const NEW_DOMAIN_MS = 48 * 3600_000;

/** When to check next: every `newSeconds` for the first 48 hours after the domain was added, then every `settledSeconds`. */
export function nextCheckAt(createdAt: Date, now: Date, intervals: RecheckIntervals = DEFAULT_RECHECK): Date {
  const young = now.getTime() - createdAt.getTime() < NEW_DOMAIN_MS;
  return new Date(now.getTime() + (young ? intervals.newSeconds : intervals.settledSeconds) * 1000);
}
