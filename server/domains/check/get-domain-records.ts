import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { RECORD_GROUPS, type ExpectedRecord, type RecordGroup } from "../rules/expected-records";
import { platformDnsSettings } from "../rules/platform-settings";
import { getDomain } from "../get-domain";
import type { DomainView } from "../domain-view";
import type { DomainCheckResult } from "./check-result.types";
import { expectedFor, loadCheckTarget } from "./check-target";

// The wizard's page: the domain, what to publish step by step (TXT values whole and as the
// 255-character strings panels need), the last check's statuses, and whether "publish to the
// sandbox" is offered.

export type DomainRecords = {
  domain: DomainView;
  groups: { group: RecordGroup; records: ExpectedRecord[] }[];
  lastCheck: DomainCheckResult | null;
  sandbox: boolean;
};

export async function getDomainRecords(tenantId: string, domainId: string): Promise<DomainRecords> {
  const [domain, target] = await Promise.all([getDomain(tenantId, domainId), loadCheckTarget(domainId, tenantId)]);
  const expected = expectedFor(target, platformDnsSettings());
  const row = await db.domain.findUnique({ where: { id: domainId }, select: { lastCheck: true } });
  return {
    domain,
    groups: RECORD_GROUPS.map((group) => ({ group, records: expected.filter((r) => r.group === group) })),
    lastCheck: (row?.lastCheck ?? null) as DomainCheckResult | null,
    sandbox: env().DNS_SANDBOX === "on",
  };
}
