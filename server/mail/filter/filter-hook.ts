import type { Resolver } from "@/server/dns/dns.types";
import { configuredResolvers } from "@/server/dns/resolver";
import { recordOutboundSpam } from "@/server/mail/abuse/record-outbound-spam";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import type { DataContext, DataVerdict } from "../hooks/smtp-hooks";
import { mailHostname } from "../paths";
import { localError } from "../smtp/smtp-replies";
import { authenticateInbound } from "./auth/authenticate-inbound";
import { dmarcDecision } from "./auth/dmarc-decision";
import { mailauthResolver } from "./auth/mailauth-resolver";
import { FilterUnavailableError } from "./filter-unavailable";
import { scanningBusy, scanningUnavailable } from "./filter-refusals";
import { loadSpamPolicies } from "./load-spam-policies";
import { mergeVerdicts } from "./merge-verdicts";
import { scanDecision, tenantsInvolved } from "./scan-decision";
import { ScanQueueTimeout } from "./scan-gate";
import { scanMessage, type ScanOptions } from "./scan-message";

// The engine's one data hook for filtering (issue 8): on the MX listener SPF/DKIM/DMARC/ARC
// (mailauth) run at the same time as rspamd and clamd, so DNS latency hides behind the scan;
// on submission only the scan runs (the sender authenticated, and DKIM signing happens on
// the way out). The decisions themselves are pure (dmarc-decision.ts, scan-decision.ts).

const log = logger("mail.filter");

export type FilterOptions = ScanOptions & {
  /** DNS resolvers for the authentication checks; default configuredResolvers() (the sandbox locally). */
  resolvers?: Resolver[];
  /** Per DNS query; default DNS_TIMEOUT_MS. */
  dnsTimeoutMs?: number;
};

export function createFilterHook(opts: FilterOptions = {}): (ctx: DataContext) => Promise<DataVerdict> {
  const resolver = mailauthResolver(() => opts.resolvers ?? configuredResolvers(), () => opts.dnsTimeoutMs ?? env().DNS_TIMEOUT_MS);
  return async (ctx) => {
    const authservId = mailHostname();
    const auth = ctx.listener === "mx" ? authenticateInbound(ctx, { resolver, authservId }) : Promise.resolve(null);
    const senderTenantId = ctx.sender?.tenantId ?? null;
    const scanInput = {
      bytes: ctx.bytes,
      clientIp: ctx.clientIp,
      helo: ctx.helo,
      mailFrom: ctx.mailFrom,
      rcpt: ctx.recipients.map((r) => r.rcpt),
      user: ctx.sender?.address ?? null,
      queueId: ctx.id,
    };
    let scanned: Awaited<ReturnType<typeof scanMessage>>;
    let policies: Awaited<ReturnType<typeof loadSpamPolicies>>;
    try {
      [scanned, policies] = await Promise.all([scanMessage(scanInput, opts), loadSpamPolicies(tenantsInvolved(ctx.recipients, senderTenantId))]);
    } catch (e) {
      if (e instanceof FilterUnavailableError) {
        log.warn("scanner unavailable: message deferred", { id: ctx.id, scanner: e.scanner, error: e.message });
        return { refusal: scanningUnavailable() };
      }
      if (e instanceof ScanQueueTimeout) {
        log.warn("scanning queue full: message deferred", { id: ctx.id, waitedMs: e.waitedMs });
        return { refusal: scanningBusy() };
      }
      log.error("filtering failed: message deferred", { id: ctx.id, error: e instanceof Error ? e.message : String(e) });
      return { refusal: localError() };
    }
    const authResult = await auth;
    const dmarc = authResult ? dmarcDecision({ dmarc: authResult.dmarc, dependsOnTemperror: authResult.temperror, sample: Math.random() * 100 }) : null;
    const decision = scanDecision({ listener: ctx.listener, recipients: ctx.recipients, senderTenantId, spam: scanned.spam, virus: scanned.virus, policies });
    if (decision.outboundSpam && ctx.sender) {
      const { mailboxId, tenantId } = ctx.sender;
      try {
        const { suspended } = await recordOutboundSpam({ mailboxId, tenantId, messageId: ctx.id, ...decision.outboundSpam });
        if (suspended) log.warn("mailbox sending suspended for outbound spam", { mailboxId, tenantId });
      } catch (e) {
        // The message is refused either way; a failed count must not turn the refusal into a 451.
        log.error("outbound spam not recorded", { id: ctx.id, mailboxId, error: e instanceof Error ? e.message : String(e) });
      }
    }
    const verdict = mergeVerdicts(authResult?.headers ?? [], dmarc, decision);
    if (verdict.refusal || verdict.quarantine) {
      log.info("filter verdict", {
        id: ctx.id,
        listener: ctx.listener,
        auth: authResult?.summary,
        score: scanned.spam.scanned ? scanned.spam.score : null,
        virus: scanned.virus.infected ? scanned.virus.signature : null,
        refusal: verdict.refusal ? `${verdict.refusal.code} ${verdict.refusal.enhanced}` : null,
        quarantine: verdict.quarantine ? { kind: verdict.quarantine.kind, tenants: verdict.quarantine.tenantIds } : null,
      });
    }
    return verdict;
  };
}
