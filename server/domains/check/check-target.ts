import type { DkimKeyStatus, DomainState } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { expectedRecords, type ExpectedRecord } from "../rules/expected-records";
import type { PlatformDnsSettings } from "../rules/platform-settings";

// The domain as the checker, the sandbox publisher and the wizard see it: name, token and the
// DKIM keys still published (pending and active; a retired key is no longer asked for), plus
// what applying a check needs to decide without another read (state, candidate, MX failure,
// and whether the tenant's MX has ever verified).

export type CheckKey = { id: string; selector: string; publicKey: string; status: Exclude<DkimKeyStatus, "retired">; activatedAt: Date | null; createdAt: Date };
/** The state columns as read with the target: applyCheckResult's fast path writes only if they are unchanged. */
export type CheckBaseline = {
  state: DomainState;
  candidateState: DomainState | null;
  mxFailingSince: Date | null;
  ownedAt: Date | null;
  createdAt: Date;
  tenantMxVerified: boolean;
};
export type CheckTarget = { id: string; tenantId: string; name: string; ownershipToken: string; keys: CheckKey[]; baseline: CheckBaseline };

type Row = {
  id: string;
  tenantId: string;
  name: string;
  ownershipToken: string;
  state: DomainState;
  candidateState: DomainState | null;
  mxFailingSince: Date | null;
  ownedAt: Date | null;
  createdAt: Date;
  tenantMxVerifiedAt: Date | null;
  keyId: string | null;
  selector: string | null;
  publicKey: string | null;
  keyStatus: CheckKey["status"] | null;
  activatedAt: Date | null;
  keyCreatedAt: Date | null;
};

/**
 * `tenantId` null: any tenant's domain (the worker); otherwise another tenant's domain is NOT_FOUND.
 * One statement (domain ⋈ tenant ⟕ published keys): the re-verification of every domain runs
 * this, and the database round trips are most of a check's cost (docs/benchmarks.md).
 */
export async function loadCheckTarget(domainId: string, tenantId: string | null): Promise<CheckTarget> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT d.id, d.tenantId, d.name, d.ownershipToken, d.state, d.candidateState, d.mxFailingSince, d.ownedAt, d.createdAt,
           t.mxVerifiedAt AS tenantMxVerifiedAt,
           k.id AS keyId, k.selector, k.publicKey, k.status AS keyStatus, k.activatedAt, k.createdAt AS keyCreatedAt
    FROM Domain d
    JOIN Tenant t ON t.id = d.tenantId
    LEFT JOIN DkimKey k ON k.domainId = d.id AND k.status IN ('pending', 'active')
    WHERE d.id = ${domainId} AND (${tenantId} IS NULL OR d.tenantId = ${tenantId})
    ORDER BY k.createdAt, k.selector`;
  const first = rows[0];
  if (!first) throw notFound("Domain");
  const keys = rows
    .filter((r) => r.keyId !== null)
    .map((r) => ({ id: r.keyId!, selector: r.selector!, publicKey: r.publicKey!, status: r.keyStatus!, activatedAt: r.activatedAt, createdAt: r.keyCreatedAt! }));
  return {
    id: first.id,
    tenantId: first.tenantId,
    name: first.name,
    ownershipToken: first.ownershipToken,
    keys,
    baseline: {
      state: first.state,
      candidateState: first.candidateState,
      mxFailingSince: first.mxFailingSince,
      ownedAt: first.ownedAt,
      createdAt: first.createdAt,
      tenantMxVerified: first.tenantMxVerifiedAt !== null,
    },
  };
}

export function expectedFor(target: CheckTarget, settings: PlatformDnsSettings): ExpectedRecord[] {
  return expectedRecords(target.name, settings, {
    ownershipToken: target.ownershipToken,
    dkim: target.keys.map((k) => ({ selector: k.selector, publicKeyBase64: k.publicKey })),
  });
}
