import type { FilterReason, Listener, QuarantineVerdict, ResolvedRecipient, SmtpRefusal } from "../engine.types";
import { DEFAULT_SPAM_POLICY, spamAction, type SpamAction, type SpamPolicyValues } from "./spam-policy-rules";
import { outboundSpamRejected, spamRejected, virusFound } from "./filter-refusals";

// What one scan means for one message with several recipients (pure; issue 8 §4, §6, §8).
// One rspamd score and one clamd verdict serve every recipient; each recipient tenant's policy
// turns them into its own action, and since the message is refused or accepted as a whole:
// - it is refused only when every recipient would refuse it;
// - otherwise the tenants whose action is quarantine *or* reject get it quarantined (a reject
//   tenant cannot refuse its share of a message others accept, so holding it is the nearest);
// - remote recipients (a list's outside members, or submission's outside addresses) can never be
//   quarantined, so they count with their tenant's policy (the list's or the sender's; the
//   platform default without one) towards "everyone would refuse", and otherwise get the mail.
// A virus is refused unless a local recipient's tenant holds viruses (virusAction quarantine);
// then every local copy is held (the same reasoning), and with any remote recipient it is
// refused anyway: a virus is never relayed to an outside address.
// Outbound (submission): one platform-wide threshold, OUTBOUND_SPAM_SCORE, refuses and is
// reported to the abuse counter — a tenant's own thresholds say what it wants to receive, not
// how much spam it may send from the platform's shared addresses.

export const OUTBOUND_SPAM_SCORE = DEFAULT_SPAM_POLICY.quarantineScore;
export const VIRUS_SCANNED_HEADER = "X-Virus-Scanned: ClamAV (Mailstead)";

export type SpamScan = { scanned: true; score: number; symbols: FilterReason[] } | { scanned: false; why: string };
export type VirusScan = { infected: false } | { infected: true; signature: string };

export type ScanDecisionInput = {
  listener: Listener;
  recipients: ResolvedRecipient[];
  /** The authenticated sender's tenant (submission), else null. */
  senderTenantId: string | null;
  spam: SpamScan;
  virus: VirusScan;
  /** Policies by tenant id; a tenant without an entry uses DEFAULT_SPAM_POLICY. */
  policies: ReadonlyMap<string, SpamPolicyValues>;
};

export type ScanDecision = {
  refusal: SmtpRefusal | null;
  quarantine: QuarantineVerdict | null;
  headers: string[];
  /** Set when an authenticated sender's message was refused as spam: the abuse counter counts it. */
  outboundSpam: { score: number; symbols: string[] } | null;
};

/** Every tenant whose policy the decision reads: local recipients', remote recipients' and the sender's. */
export function tenantsInvolved(recipients: ResolvedRecipient[], senderTenantId: string | null): string[] {
  const ids = new Set<string>();
  for (const r of recipients) {
    for (const l of r.local) ids.add(l.tenantId);
    for (const m of r.remote) if (m.tenantId) ids.add(m.tenantId);
  }
  if (senderTenantId) ids.add(senderTenantId);
  return [...ids];
}

const policyOf = (policies: ReadonlyMap<string, SpamPolicyValues>, tenantId: string | null) => (tenantId && policies.get(tenantId)) || DEFAULT_SPAM_POLICY;

function spamHeaders(spam: SpamScan, addHeaderScore: number): string[] {
  const required = addHeaderScore.toFixed(1);
  if (!spam.scanned) return [`X-Spam-Status: No, score=0.0 required=${required} (not scanned: ${spam.why})`];
  const isSpam = spam.score >= addHeaderScore;
  const score = spam.score.toFixed(1);
  return [`X-Spam-Score: ${score}`, `X-Spam-Status: ${isSpam ? "Yes" : "No"}, score=${score} required=${required}`, ...(isSpam ? ["X-Spam: Yes"] : [])];
}

export function scanDecision(input: ScanDecisionInput): ScanDecision {
  const { recipients, policies } = input;
  const localTenants = [...new Set(recipients.flatMap((r) => r.local.map((l) => l.tenantId)))];
  const remoteTenants = recipients.flatMap((r) => r.remote.map((m) => m.tenantId));
  const none: ScanDecision = { refusal: null, quarantine: null, headers: [], outboundSpam: null };

  if (input.virus.infected) {
    const reasons = [{ name: "CLAMAV_VIRUS", description: input.virus.signature }];
    const wantsHold = localTenants.filter((t) => policyOf(policies, t).virusAction === "quarantine");
    if (input.listener === "submission" || remoteTenants.length > 0 || wantsHold.length === 0) return { ...none, refusal: virusFound(input.virus.signature) };
    return { ...none, headers: [VIRUS_SCANNED_HEADER], quarantine: { kind: "virus", score: null, reasons, tenantIds: localTenants } };
  }

  const spam = input.spam;
  if (spam.scanned && input.listener === "submission" && spam.score >= OUTBOUND_SPAM_SCORE) {
    return { ...none, refusal: outboundSpamRejected(spam.score, OUTBOUND_SPAM_SCORE), outboundSpam: { score: spam.score, symbols: spam.symbols.map((s) => s.name) } };
  }
  const allTenants = [...localTenants, ...remoteTenants];
  const lowestHeader = Math.min(...allTenants.map((t) => policyOf(policies, t).addHeaderScore));
  const headers = [...spamHeaders(spam, Number.isFinite(lowestHeader) ? lowestHeader : DEFAULT_SPAM_POLICY.addHeaderScore), VIRUS_SCANNED_HEADER];
  if (!spam.scanned) return { ...none, headers };

  const actionOf = (t: string | null): SpamAction => spamAction(spam.score, policyOf(policies, t));
  if (allTenants.length > 0 && allTenants.every((t) => actionOf(t) === "reject")) {
    const limit = Math.max(...allTenants.map((t) => policyOf(policies, t).rejectScore));
    return { ...none, refusal: spamRejected(spam.score, limit) };
  }
  const held = localTenants.filter((t) => actionOf(t) === "quarantine" || actionOf(t) === "reject");
  const quarantine: QuarantineVerdict | null = held.length ? { kind: "spam", score: spam.score, reasons: spam.symbols, tenantIds: held } : null;
  return { ...none, headers, quarantine };
}
