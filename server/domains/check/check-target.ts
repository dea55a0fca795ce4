import type { DkimKeyStatus } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { expectedRecords, type ExpectedRecord } from "../rules/expected-records";
import type { PlatformDnsSettings } from "../rules/platform-settings";

// The domain as the checker, the sandbox publisher and the wizard see it: name, token and the
// DKIM keys still published (pending and active; a retired key is no longer asked for).

export type CheckKey = { id: string; selector: string; publicKey: string; status: Exclude<DkimKeyStatus, "retired">; activatedAt: Date | null; createdAt: Date };
export type CheckTarget = { id: string; tenantId: string; name: string; ownershipToken: string; keys: CheckKey[] };

/** `tenantId` null: any tenant's domain (the worker); otherwise another tenant's domain is NOT_FOUND. */
export async function loadCheckTarget(domainId: string, tenantId: string | null): Promise<CheckTarget> {
  const row = await db.domain.findFirst({
    where: { id: domainId, ...(tenantId ? { tenantId } : {}) },
    select: {
      id: true,
      tenantId: true,
      name: true,
      ownershipToken: true,
      dkimKeys: {
        where: { status: { in: ["pending", "active"] } },
        select: { id: true, selector: true, publicKey: true, status: true, activatedAt: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { selector: "asc" }],
      },
    },
  });
  if (!row) throw notFound("Domain");
  const { dkimKeys, ...domain } = row;
  return { ...domain, keys: dkimKeys.map((k) => ({ ...k, status: k.status as CheckKey["status"] })) };
}

export function expectedFor(target: CheckTarget, settings: PlatformDnsSettings): ExpectedRecord[] {
  return expectedRecords(target.name, settings, {
    ownershipToken: target.ownershipToken,
    dkim: target.keys.map((k) => ({ selector: k.selector, publicKeyBase64: k.publicKey })),
  });
}
