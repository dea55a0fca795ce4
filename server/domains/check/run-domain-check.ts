import { configuredResolvers, queryAll } from "@/server/dns/resolver";
import { resolverLabel, type Resolver } from "@/server/dns/dns.types";
import { clock } from "@/server/shared/clock";
import { checkCname } from "../rules/check-cname";
import { checkDkim } from "../rules/check-dkim";
import { checkDmarc } from "../rules/check-dmarc";
import { checkMx } from "../rules/check-mx";
import { checkOwnership } from "../rules/check-ownership";
import { checkSpf } from "../rules/check-spf";
import type { CheckStatus, RecordCheck } from "../rules/check-types";
import { impliedState } from "../rules/domain-readiness";
import type { ExpectedRecord } from "../rules/expected-records";
import { CLIENT_SERVICES, platformDnsSettings, type PlatformDnsSettings } from "../rules/platform-settings";
import { signingKey } from "../dkim/signing-key";
import { expectedFor, type CheckTarget } from "./check-target";
import type { CheckedRecord, DomainCheckResult } from "./check-result.types";
import { clientAnswers, mxAnswers, spfDnsThrough, txtAnswers } from "./dns-answers";

// One full check of one domain: every name and type asked of every resolver at once (the
// wizard's "check now" must answer in well under a second), then every rule run on the answers.
// Nothing is written here; apply-check-result.ts decides what the result means for the domain.

const entry = (records: ExpectedRecord[], check: RecordCheck, extra: Partial<CheckedRecord> = {}): CheckedRecord => {
  const first = records[0]!;
  const expected = records.map((r) => (r.type === "MX" ? `${r.priority} ${r.value}` : r.value));
  return { group: first.group, name: first.name, host: first.host, type: first.type, expected, ...check, ...extra };
};

export async function runDomainCheck(
  target: CheckTarget,
  resolvers: Resolver[] = configuredResolvers(),
  settings: PlatformDnsSettings = platformDnsSettings(),
): Promise<DomainCheckResult> {
  const started = performance.now();
  const domain = target.name;
  const expected = expectedFor(target, settings);
  const one = (group: string) => expected.filter((r) => r.group === group);
  const [ownership, spf, dmarc] = [one("ownership")[0]!, one("spf")[0]!, one("dmarc")[0]!];
  const dkimRecords = one("dkim");
  const clients = one("cname");
  const txt = (name: string) => queryAll(name, "TXT", resolvers);

  const [ownershipQ, mxQ, apexQ, dmarcQ, dkimQ, cnameQ, addressQ] = await Promise.all([
    txt(ownership.name),
    queryAll(domain, "MX", resolvers),
    txt(domain),
    txt(dmarc.name),
    Promise.all(dkimRecords.map((r) => txt(r.name))),
    Promise.all(clients.map((r) => queryAll(r.name, "CNAME", resolvers))),
    Promise.all(clients.map((r) => queryAll(r.name, "A", resolvers))),
  ]);
  const byLabel = new Map(resolvers.map((r) => [resolverLabel(r), r]));
  const spfCheck = await checkSpf(domain, txtAnswers(apexQ), settings, (label) => spfDnsThrough(byLabel.get(label)!));
  const elapsedMs = Math.round(performance.now() - started);

  const dkimChecks = target.keys.map((key, i) => ({
    key,
    check: checkDkim(domain, { selector: key.selector, publicKeyBase64: key.publicKey }, txtAnswers(dkimQ[i]!)),
  }));
  const records: CheckedRecord[] = [
    entry([ownership], checkOwnership(domain, target.ownershipToken, txtAnswers(ownershipQ), settings)),
    entry(one("mx"), checkMx(domain, mxAnswers(mxQ), settings)),
    entry([spf], spfCheck),
    ...dkimChecks.map(({ key, check }, i) => entry([dkimRecords[i]!], check, { selector: key.selector, keyStatus: key.status })),
    entry([dmarc], checkDmarc(domain, txtAnswers(dmarcQ))),
    ...CLIENT_SERVICES.map((service, i) => entry([clients[i]!], checkCname(clients[i]!.name, settings.cnameTargets[service], clientAnswers(cnameQ[i]!, addressQ[i]!)))),
  ];

  // The DKIM step is the signing key's record; before any key is verified, the pending one's.
  const signer = signingKey(target.keys) ?? target.keys.find((k) => k.status === "pending");
  const dkimStatus: CheckStatus = signer ? dkimChecks.find((d) => d.key.id === signer.id)!.check.status : "missing";
  const status = (group: string) => records.find((r) => r.group === group)!.status;
  const steps = { ownership: status("ownership"), mx: status("mx"), spf: status("spf"), dkim: dkimStatus };
  return {
    checkedAt: clock.now().toISOString(),
    resolvers: resolvers.map(resolverLabel),
    elapsedMs,
    records,
    steps,
    implied: impliedState(steps),
  };
}
