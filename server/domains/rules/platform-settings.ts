import { env, type Env } from "@/server/shared/env";

// What customers point their DNS at. The env is read in platformDnsSettings() only; every rule
// takes the settings as a parameter, so the rules stay pure and tests pass their own settings.

export type ClientService = "webmail" | "smtp" | "pop" | "imap";
export const CLIENT_SERVICES: readonly ClientService[] = ["webmail", "smtp", "pop", "imap"];

export type PlatformDnsSettings = {
  platformDomain: string;
  /** In the order customers should publish them (lowest priority value first). */
  mx: { host: string; priority: number }[];
  /** Seed 003 §2: TTL 1 hour for every record the wizard asks for. */
  ttl: number;
  spfInclude: string;
  cnameTargets: Record<ClientService, string>;
  dmarcReportAddress: string;
  /** The ownership TXT lives at `<ownershipLabel>.<domain>`, never at the apex, so it cannot collide with SPF. */
  ownershipLabel: string;
  ownershipPrefix: string;
};

type Source = Pick<Env, "PLATFORM_DOMAIN" | "MX_HOSTS" | "DMARC_REPORT_ADDRESS">;

/** Pure: the settings implied by a set of (already validated) variables. */
export function platformDnsSettingsFrom(source: Source): PlatformDnsSettings {
  const pd = source.PLATFORM_DOMAIN.toLowerCase().replace(/\.$/, "");
  const mxSpec = source.MX_HOSTS ?? `mx-n.${pd}:5,mx1-n.${pd}:50`;
  const mx = mxSpec
    .split(",")
    .map((pair) => {
      const [host, priority] = pair.split(":");
      return { host: host!.toLowerCase().replace(/\.$/, ""), priority: Number(priority) };
    })
    .sort((a, b) => a.priority - b.priority);
  return {
    platformDomain: pd,
    mx,
    ttl: 3600,
    spfInclude: `spf.${pd}`,
    cnameTargets: { webmail: `webmail.${pd}`, smtp: `smtp.${pd}`, pop: `pop.${pd}`, imap: `imap.${pd}` },
    dmarcReportAddress: source.DMARC_REPORT_ADDRESS ?? `dmarc-reports@${pd}`,
    ownershipLabel: "_mailstead-verify",
    ownershipPrefix: "mailstead-verification=",
  };
}

/** The settings of this process (reads env()). */
export function platformDnsSettings(): PlatformDnsSettings {
  return platformDnsSettingsFrom(env());
}
