import type { AuditActor } from "@/server/audit/record-audit";
import { logger } from "@/server/shared/logger";
import { applyCheckResult, type AppliedCheck } from "./apply-check-result";
import type { DomainCheckResult } from "./check-result.types";
import { loadCheckTarget } from "./check-target";
import type { Trigger } from "./next-state";
import { runDomainCheck } from "./run-domain-check";

const log = logger("domain-check");

export type CheckAndApplyResult = { result: DomainCheckResult; applied: AppliedCheck };

/**
 * The one entry point for checking a domain: the re-verification worker (trigger "schedule")
 * and the wizard's "check now" (trigger "manual", after the router checked the tenant) both
 * call it. DNS is asked outside any transaction; only the write holds the tenant's lock.
 */
export async function checkAndApply(domainId: string, options: { trigger: Trigger; actor?: AuditActor }): Promise<CheckAndApplyResult> {
  const target = await loadCheckTarget(domainId, null);
  const result = await runDomainCheck(target);
  const applied = await applyCheckResult(domainId, result, { ...options, baseline: target.baseline });
  log.debug("domain checked", { domain: target.name, trigger: options.trigger, elapsedMs: result.elapsedMs, from: applied.from, state: applied.state });
  return { result, applied };
}
