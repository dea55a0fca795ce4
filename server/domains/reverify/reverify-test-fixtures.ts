// Shared by the re-verification integration tests: bare domain rows with a chosen nextCheckAt
// (the tick only reads ids and due times) and the domainCheck jobs the queue holds.
// Not imported by application code.
import { randomBytes } from "node:crypto";
import { publishToSandbox } from "@/server/dns/sandbox-records";
import { sandbox } from "@/server/dns/sandbox-records.types";
import { db } from "@/server/shared/db";
import { platformDnsSettings } from "../rules/platform-settings";
import { getQueue } from "@/server/shared/queues";
import { createDomainTenant, uniqueName } from "../domain-test-fixtures";

export async function createBareDomains(nextCheckAts: (Date | null)[]) {
  const { tenant } = await createDomainTenant(`Reverify ${randomBytes(3).toString("hex")}`);
  const domains = [];
  for (const nextCheckAt of nextCheckAts) {
    const name = uniqueName("rv");
    domains.push(await db.domain.create({ data: { tenantId: tenant.id, name, unicodeName: name, ownershipToken: randomBytes(16).toString("hex"), nextCheckAt } }));
  }
  return domains;
}

/** Every domainCheck job in the queue, whatever its state, as {id, domainId}. */
export async function queuedChecks() {
  const jobs = await getQueue("domainCheck").getJobs(["waiting", "delayed", "active", "completed", "failed", "prioritized"]);
  return jobs.map((j) => ({ id: j.id, domainId: (j.data as { domainId: string }).domainId }));
}

/** Between tests: no queued checks and no domains (with their keys), so each test sees only its own. */
export async function resetReverify() {
  await getQueue("domainCheck").obliterate({ force: true });
  await db.dkimKey.deleteMany({});
  await db.domain.deleteMany({ where: { aliasOfId: { not: null } } });
  await db.domain.deleteMany({});
}

/** The platform's own SPF record, which every customer's `include:` points at (the checker follows it). */
export const platformSpfRecord = () => sandbox.txt(platformDnsSettings().spfInclude, "v=spf1 ip4:192.0.2.0/24 -all");

export async function publishPlatformSpf() {
  await publishToSandbox([platformSpfRecord()]);
}
