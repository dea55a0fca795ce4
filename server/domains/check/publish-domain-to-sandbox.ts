import type { AuditActor } from "@/server/audit/record-audit";
import { recordAudit } from "@/server/audit/record-audit";
import { publishToSandbox } from "@/server/dns/sandbox-records";
import { queryAll } from "@/server/dns/resolver";
import type { SandboxRecordInput } from "@/server/dns/sandbox-records.types";
import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { DomainError, say } from "@/server/shared/errors";
import type { ExpectedRecord } from "../rules/expected-records";
import { platformDnsSettings } from "../rules/platform-settings";
import { expectedFor, loadCheckTarget } from "./check-target";

// Sandbox mode (issue 5 item 6): the wizard publishes the domain's records to the local DNS
// sandbox, so a newcomer completes the whole wizard offline. Refused outside sandbox mode: there
// the customer's real DNS provider is the only place records can be published.

export const SANDBOX_OFF_MESSAGE = say(
  "The DNS sandbox is off on this platform (DNS_SANDBOX=off): publish these records at your DNS provider",
  "本平台未开启 DNS 沙箱（DNS_SANDBOX=off）：请在您的域名服务商处添加这些记录",
);

export function toSandboxRecord(r: ExpectedRecord): SandboxRecordInput {
  if (r.type === "MX") return { name: r.name, type: "MX", ttl: r.ttl, data: { preference: r.priority!, exchange: r.value } };
  if (r.type === "CNAME") return { name: r.name, type: "CNAME", ttl: r.ttl, data: { target: r.value } };
  return { name: r.name, type: "TXT", ttl: r.ttl, data: { strings: r.strings ?? [r.value] } };
}

/**
 * The platform's own SPF record, which every customer's include: points at. The checker follows
 * that include, so offline it must exist in the sandbox too; added only when absent (an
 * operator's own version is kept). The sandbox platform is this machine: 127.0.0.0/8.
 */
async function ensurePlatformSpf(include: string): Promise<SandboxRecordInput[]> {
  const present = await db.sandboxRecord.count({ where: { name: include, type: "TXT" } });
  return present ? [] : [{ name: include, type: "TXT", data: { strings: ["v=spf1 ip4:127.0.0.0/8 -all"] } }];
}

/** How long a publish waits for the sandbox to serve the new zone (it reloads every 500 ms). */
const SERVED_WAIT_MS = 2_000;

/**
 * Waits until every resolver the checker asks serves the published ownership record, so a
 * "check now" right after publishing sees the new zone. Stops early when a resolver fails (no
 * sandbox running: the check will say so) and after SERVED_WAIT_MS.
 */
async function waitUntilServed(ownership: ExpectedRecord | undefined): Promise<void> {
  if (!ownership) return;
  const until = Date.now() + SERVED_WAIT_MS;
  while (Date.now() < until) {
    const answers = await queryAll(ownership.name, "TXT", undefined, { timeoutMs: 300 });
    if (answers.some((a) => a.outcome === "error")) return;
    const served = (a: (typeof answers)[number]) => a.records.some((r) => r.strings.join("") === ownership.value);
    if (answers.every(served)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function publishDomainToSandbox(actor: AuditActor, tenantId: string, domainId: string): Promise<{ published: number }> {
  const target = await loadCheckTarget(domainId, tenantId);
  if (env().DNS_SANDBOX !== "on") throw new DomainError("PRECONDITION_FAILED", SANDBOX_OFF_MESSAGE);
  const settings = platformDnsSettings();
  const expected = expectedFor(target, settings);
  const records = [...expected.map(toSandboxRecord), ...(await ensurePlatformSpf(settings.spfInclude))];
  const { published } = await publishToSandbox(records);
  await waitUntilServed(expected.find((r) => r.group === "ownership"));
  await recordAudit(actor, {
    action: "domain.sandbox_publish",
    tenantId,
    target: { type: "domain", id: target.id },
    details: { domain: target.name, records: published },
  });
  return { published };
}
