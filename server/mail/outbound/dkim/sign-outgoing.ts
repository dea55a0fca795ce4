import { mailHostname } from "@/server/mail/paths";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { dkimSign } from "./dkim-signature";
import { domainSigner } from "./dkim-key-cache";
import { candidateDomains, platformCandidates } from "./signing-domain";

export type SignOutgoingOptions = {
  /** The envelope sender ("" for the null sender). */
  mailFrom: string;
  /**
   * The tenant on whose behalf the message is relayed (OutboxItem.tenantId): only its own
   * domains may sign. Null for mail the platform itself sends (DSNs): then only the platform's
   * own names may sign (the mail host, PLATFORM_DOMAIN), never a tenant's domain.
   */
  tenantId: string | null;
};

export type SignedMessage = { bytes: Buffer; signedBy: string | null };

/**
 * DKIM-signs an outgoing message (docs/dsn-dkim.md): with the header From's domain when it is
 * one of the relaying tenant's domains with an active key (DMARC alignment), else with the
 * envelope sender's under the same rule, else not at all (`signedBy` null, bytes unchanged).
 * The platform's own mail (tenantId null) is signed only with the platform's names.
 * Throws only when the database cannot be read, so the caller defers rather than sends unsigned.
 */
export async function signOutgoing(bytes: Buffer, opts: SignOutgoingOptions): Promise<SignedMessage> {
  const candidates = candidateDomains(bytes, opts.mailFrom);
  const domains = opts.tenantId === null ? platformCandidates(candidates, mailHostname(), env().PLATFORM_DOMAIN) : candidates;
  for (const domain of domains) {
    const signer = await domainSigner(domain);
    if (!signer?.key) continue;
    if (opts.tenantId !== null && signer.tenantId !== opts.tenantId) continue;
    return { bytes: dkimSign({ bytes, domain, selector: signer.key.selector, privateKey: signer.key.privateKey, at: clock.now() }), signedBy: domain };
  }
  return { bytes, signedBy: null };
}
