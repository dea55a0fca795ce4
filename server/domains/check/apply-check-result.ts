import type { DomainState, Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { lockTenant } from "@/server/billing/ledger/lock-tenant";
import { onDomainMxVerified } from "@/server/billing/subscriptions/on-domain-mx-verified";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { activateDkimKey } from "../dkim/activate-dkim-key";
import { domainTransaction } from "../domain-transaction";
import type { DomainCheckResult } from "./check-result.types";
import { isOwnedState, nextCheckAt, nextState, type Trigger } from "./next-state";

// Writes what a check means: the state (next-state.ts decides, flap damping included), the
// candidate, the stored result, when MX started failing and when to check again; audits every
// state change. Then the side effects that have their own transactions: a pending DKIM key whose
// record verified becomes active, and the tenant's first MX success starts billing (the hook is
// idempotent; we call it only while the tenant has no mxVerifiedAt, so at most once in practice).

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

export async function applyCheckResult(
  domainId: string,
  result: DomainCheckResult,
  options: { trigger: Trigger; actor?: AuditActor },
): Promise<AppliedCheck> {
  const now = clock.now();
  const actor = options.actor ?? SYSTEM_ACTOR;
  const mx = result.steps.mx;
  const applied = await domainTransaction(async (tx) => {
    const owner = await tx.domain.findUnique({ where: { id: domainId }, select: { tenantId: true } });
    if (!owner) throw notFound("Domain");
    const tenant = await lockTenant(tx, owner.tenantId);
    const domain = await tx.domain.findUnique({ where: { id: domainId } });
    if (!domain) throw notFound("Domain"); // removed while we waited for the lock
    const next = nextState({ current: domain.state, candidate: domain.candidateState, steps: result.steps, trigger: options.trigger });
    const owned = isOwnedState(next.state);
    // Only a proven failure (missing or wrong) starts the MX warning; pending or unknown leave it as it was.
    const mxFailingSince = !owned || mx === "ok" ? null : mx === "missing" || mx === "wrong" ? (domain.mxFailingSince ?? now) : domain.mxFailingSince;
    await tx.domain.update({
      where: { id: domainId },
      data: {
        state: next.state,
        candidateState: next.candidateState,
        lastCheck: result as unknown as Prisma.InputJsonValue,
        lastCheckedAt: now,
        nextCheckAt: nextCheckAt(domain.createdAt, now),
        mxFailingSince,
        ...(owned && !domain.ownedAt ? { ownedAt: now } : {}),
        ...(next.changed && next.state === "mail_ready" ? { mailReadyAt: now } : {}),
      },
    });
    if (next.changed) {
      await recordAudit(
        actor,
        {
          action: "domain.state_change",
          tenantId: domain.tenantId,
          target: { type: "domain", id: domain.id },
          details: { domain: domain.name, from: domain.state, to: next.state, trigger: options.trigger, failingSteps: next.failing, failingRecords: failingRecords(result) },
        },
        tx,
      );
    }
    return { from: domain.state, next, tenantId: domain.tenantId, mxFirst: owned && mx === "ok" && !tenant.mxVerifiedAt };
  });

  const activatedSelectors: string[] = [];
  for (const record of result.records) {
    if (record.group !== "dkim" || record.keyStatus !== "pending" || record.status !== "ok") continue;
    const key = await activateKeyBySelector(domainId, record.selector!, actor);
    if (key) activatedSelectors.push(key);
  }
  if (applied.mxFirst) await onDomainMxVerified(applied.tenantId, now);
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
