import type { DomainState, Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { lockTenant } from "@/server/billing/ledger/lock-tenant";
import { onDomainMxVerified } from "@/server/billing/subscriptions/on-domain-mx-verified";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { notFound } from "@/server/shared/errors";
import { activateDkimKey } from "../dkim/activate-dkim-key";
import { domainTransaction } from "../domain-transaction";
import type { DomainCheckResult } from "./check-result.types";
import type { CheckBaseline } from "./check-target";
import { isOwnedState, nextCheckAt, nextState, type NextState, type Trigger } from "./next-state";

// Writes what a check means: the state (next-state.ts decides, flap damping included), the
// candidate, the stored result, when MX started failing and when to check again; audits every
// state change. Most checks change nothing but the stored result and the next due time: those
// take one conditional UPDATE (applyUnchanged); the rest lock the tenant (applyLocked). Then the
// side effects that have their own transactions: a pending DKIM key whose record verified
// becomes active, and the tenant's first MX success starts billing (the hook is idempotent; we
// call it only while the tenant has no mxVerifiedAt, so at most once in practice).

export const SYSTEM_ACTOR: AuditActor = { id: null, email: null, role: null, tenantId: null, ip: null };

export type AppliedCheck = {
  from: DomainState;
  state: DomainState;
  changed: boolean;
  candidateState: DomainState | null;
  activatedSelectors: string[];
  mxVerified: boolean;
};

const failingRecords = (result: DomainCheckResult) =>
  result.records
    .filter((r) => r.status !== "ok")
    .map((r) => ({ group: r.group, name: r.name, status: r.status, problems: r.problems.map((p) => p.code), ...(r.selector ? { selector: r.selector } : {}) }));

type DomainBefore = Pick<CheckBaseline, "state" | "candidateState" | "mxFailingSince" | "ownedAt" | "createdAt">;

/** What the check means for the row, from the state it had: shared by the fast and the locked path. */
function decide(domain: DomainBefore, result: DomainCheckResult, trigger: Trigger, now: Date) {
  const mx = result.steps.mx;
  const next = nextState({ current: domain.state, candidate: domain.candidateState, steps: result.steps, trigger });
  const owned = isOwnedState(next.state);
  // Only a proven failure (missing or wrong) starts the MX warning; pending or unknown leave it as it was.
  const mxFailingSince = !owned || mx === "ok" ? null : mx === "missing" || mx === "wrong" ? (domain.mxFailingSince ?? now) : domain.mxFailingSince;
  const data = {
    state: next.state,
    candidateState: next.candidateState,
    lastCheck: result as unknown as Prisma.InputJsonValue,
    lastCheckedAt: now,
    nextCheckAt: nextCheckAt(domain.createdAt, now, recheckIntervals()),
    mxFailingSince,
    ...(owned && !domain.ownedAt ? { ownedAt: now } : {}),
    ...(next.changed && next.state === "mail_ready" ? { mailReadyAt: now } : {}),
  } satisfies Prisma.DomainUpdateInput;
  return { next, data, mxOkWhileOwned: owned && mx === "ok" };
}

const recheckIntervals = () => ({ newSeconds: env().DOMAIN_RECHECK_NEW_SECONDS, settledSeconds: env().DOMAIN_RECHECK_SECONDS });

/**
 * The common case, a check that changes no state and starts no billing, in ONE statement: an
 * UPDATE conditional on the columns the decision was made from (read with the check target).
 * If anything changed meanwhile (a parallel check, a "check now"), it matches no row and the
 * caller takes the locked path, which re-reads and decides again. No audit is lost: a state
 * change never takes this path.
 */
async function applyUnchanged(domainId: string, baseline: CheckBaseline, result: DomainCheckResult, trigger: Trigger, now: Date): Promise<NextState | null> {
  const { next, data, mxOkWhileOwned } = decide(baseline, result, trigger, now);
  if (next.changed || (mxOkWhileOwned && !baseline.tenantMxVerified)) return null;
  const { count } = await db.domain.updateMany({
    where: {
      id: domainId,
      state: baseline.state,
      candidateState: baseline.candidateState,
      mxFailingSince: baseline.mxFailingSince,
      ownedAt: baseline.ownedAt === null ? null : { not: null },
    },
    data,
  });
  return count === 1 ? next : null;
}

async function applyLocked(domainId: string, result: DomainCheckResult, options: { trigger: Trigger; actor: AuditActor }, now: Date) {
  return domainTransaction(async (tx) => {
    const owner = await tx.domain.findUnique({ where: { id: domainId }, select: { tenantId: true } });
    if (!owner) throw notFound("Domain");
    const tenant = await lockTenant(tx, owner.tenantId);
    const domain = await tx.domain.findUnique({ where: { id: domainId } });
    if (!domain) throw notFound("Domain"); // removed while we waited for the lock
    const { next, data, mxOkWhileOwned } = decide(domain, result, options.trigger, now);
    await tx.domain.update({ where: { id: domainId }, data });
    if (next.changed) {
      await recordAudit(
        options.actor,
        {
          action: "domain.state_change",
          tenantId: domain.tenantId,
          target: { type: "domain", id: domain.id },
          details: { domain: domain.name, from: domain.state, to: next.state, trigger: options.trigger, failingSteps: next.failing, failingRecords: failingRecords(result) },
        },
        tx,
      );
    }
    return { from: domain.state, next, tenantId: domain.tenantId, mxFirst: mxOkWhileOwned && !tenant.mxVerifiedAt };
  });
}

export async function applyCheckResult(
  domainId: string,
  result: DomainCheckResult,
  options: { trigger: Trigger; actor?: AuditActor; baseline?: CheckBaseline },
): Promise<AppliedCheck> {
  const now = clock.now();
  const actor = options.actor ?? SYSTEM_ACTOR;
  const fast = options.baseline ? await applyUnchanged(domainId, options.baseline, result, options.trigger, now) : null;
  const applied = fast
    ? { from: options.baseline!.state, next: fast, tenantId: null, mxFirst: false }
    : await applyLocked(domainId, result, { trigger: options.trigger, actor }, now);

  const activatedSelectors: string[] = [];
  for (const record of result.records) {
    if (record.group !== "dkim" || record.keyStatus !== "pending" || record.status !== "ok") continue;
    const key = await activateKeyBySelector(domainId, record.selector!, actor);
    if (key) activatedSelectors.push(key);
  }
  if (applied.mxFirst && applied.tenantId) await onDomainMxVerified(applied.tenantId, now);
  const { next } = applied;
  return { from: applied.from, state: next.state, changed: next.changed, candidateState: next.candidateState, activatedSelectors, mxVerified: applied.mxFirst };
}

/** The key may have been retired or activated since the check; only a still-pending one is activated. */
async function activateKeyBySelector(domainId: string, selector: string, actor: AuditActor): Promise<string | null> {
  const key = await db.dkimKey.findFirst({ where: { domainId, selector, status: "pending" }, select: { id: true } });
  if (!key) return null;
  const activated = await activateDkimKey(key.id, actor);
  return activated.activated ? activated.selector : null;
}
