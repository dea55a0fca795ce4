import type { PlatformDnsSettings } from "@/server/domains/rules/platform-settings";
import type { LetterValues } from "./welcome-template-rules";

/**
 * The placeholder values for one mailbox: its own fields, the tenant's name, and the platform's
 * client hosts (the same targets the DNS wizard asks customers to CNAME to). Pure.
 */
export function letterValues(
  mailbox: { displayName: string; address: string },
  company: string,
  settings: Pick<PlatformDnsSettings, "cnameTargets">,
  publicUrl: string,
): LetterValues {
  const hosts = settings.cnameTargets;
  return {
    displayName: mailbox.displayName,
    address: mailbox.address,
    company,
    webmailUrl: `https://${hosts.webmail}`,
    selfServiceUrl: new URL("/signin?as=mailbox", publicUrl).toString(),
    pop3Host: hosts.pop,
    imapHost: hosts.imap,
    smtpHost: hosts.smtp,
  };
}
