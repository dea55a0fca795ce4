import { CLIENT_SERVICES, type PlatformDnsSettings } from "./platform-settings";
import { dkimName, dkimTxtValue, splitTxt } from "./dkim";
import { dmarcTxtValue } from "./dmarc";
import { spfTxtValue } from "./spf/parse-spf";

// What the wizard asks the customer to publish, step by step. `name` is the full name the
// checker queries; `host` is what most DNS panels want in their "host" field (relative to
// the zone, "@" for the apex).

export type RecordGroup = "ownership" | "mx" | "spf" | "dkim" | "dmarc" | "cname";
export const RECORD_GROUPS: readonly RecordGroup[] = ["ownership", "mx", "spf", "dkim", "dmarc", "cname"];

export type ExpectedRecord = {
  group: RecordGroup;
  name: string;
  host: string;
  type: "TXT" | "MX" | "CNAME";
  value: string;
  ttl: number;
  priority?: number;
  /** TXT only: the value as strings of at most 255 characters, for panels that need them. */
  strings?: string[];
  /** DKIM only: which key this record publishes. */
  selector?: string;
};

export type ExpectedInput = { ownershipToken: string; dkim: { selector: string; publicKeyBase64: string }[] };

export const ownershipName = (domain: string, s: PlatformDnsSettings) => `${s.ownershipLabel}.${domain}`;
export const ownershipValue = (token: string, s: PlatformDnsSettings) => `${s.ownershipPrefix}${token}`;
export const clientName = (service: string, domain: string) => `${service}.${domain}`;
export const dmarcName = (domain: string) => `_dmarc.${domain}`;

/** `name` relative to the zone `domain`: "@" for the apex itself. */
export function relativeHost(name: string, domain: string): string {
  if (name === domain) return "@";
  return name.endsWith(`.${domain}`) ? name.slice(0, -domain.length - 1) : name;
}

/** Every record for an ASCII (punycode) lower-case domain, in wizard order. */
export function expectedRecords(domain: string, settings: PlatformDnsSettings, input: ExpectedInput): ExpectedRecord[] {
  const ttl = settings.ttl;
  const txt = (group: RecordGroup, name: string, value: string, extra: Partial<ExpectedRecord> = {}): ExpectedRecord => ({
    group,
    name,
    host: relativeHost(name, domain),
    type: "TXT",
    value,
    ttl,
    strings: splitTxt(value, 255),
    ...extra,
  });
  return [
    txt("ownership", ownershipName(domain, settings), ownershipValue(input.ownershipToken, settings)),
    ...settings.mx.map(
      (mx): ExpectedRecord => ({ group: "mx", name: domain, host: "@", type: "MX", value: mx.host, ttl, priority: mx.priority }),
    ),
    txt("spf", domain, spfTxtValue(settings.spfInclude)),
    ...input.dkim.map((k) => txt("dkim", dkimName(k.selector, domain), dkimTxtValue(k.publicKeyBase64), { selector: k.selector })),
    txt("dmarc", dmarcName(domain), dmarcTxtValue(settings.dmarcReportAddress)),
    ...CLIENT_SERVICES.map(
      (service): ExpectedRecord => ({
        group: "cname",
        name: clientName(service, domain),
        host: service,
        type: "CNAME",
        value: settings.cnameTargets[service],
        ttl,
      }),
    ),
  ];
}
