import type { QuarantineVerdict, SmtpRefusal } from "../../engine.types";
import { dmarcRejected, dmarcTemporary } from "../filter-refusals";

// What a DMARC result means for the message (pure; issue 8 §3). Only a DMARC "fail" under a
// reject/quarantine policy acts; pass, none, neutral, permerror and temperror deliver with the
// result in Authentication-Results. A DMARC temperror (the policy record itself could not be
// fetched) delivers: the policy is unknown, and deferring all mail from a domain whose DNS
// hiccups would punish good senders far more often than it stops a forgery. A "fail" that rests
// on a temporary error (SPF or a DKIM key lookup timed out) is different: the domain asked for
// rejection, and the next try will very likely give the real answer, so that defers (451).

export type DmarcSummary = {
  /** mailauth's DMARC result: pass, fail, none, temperror… */
  result: string;
  /** The policy that applies (sp= for a subdomain), lower-case; null without a record. */
  policy: string | null;
  /** The RFC5322.From domain (organisational domain as mailauth reports it). */
  domain: string;
  /** pct= (0–100), null when absent (= 100). */
  pct: number | null;
};

export type DmarcInput = {
  dmarc: DmarcSummary | null;
  /** True when SPF or any DKIM signature ended in temperror. */
  dependsOnTemperror: boolean;
  /** A number in [0, 100) drawn per message, for pct= sampling (RFC 7489 §6.6.4). */
  sample: number;
};

export type DmarcDecision = { refusal: SmtpRefusal } | { quarantine: QuarantineVerdict } | null;

/** pct= sampling: a message outside the sample gets the next weaker policy (reject → quarantine → none). */
export function effectivePolicy(policy: string | null, pct: number | null, sample: number): "reject" | "quarantine" | "none" {
  const p = policy === "reject" || policy === "quarantine" ? policy : "none";
  if (p === "none" || pct === null || pct >= 100 || sample < pct) return p;
  return p === "reject" ? "quarantine" : "none";
}

export function dmarcDecision(input: DmarcInput): DmarcDecision {
  const d = input.dmarc;
  if (!d || d.result !== "fail") return null;
  const policy = effectivePolicy(d.policy, d.pct, input.sample);
  if (policy === "none") return null;
  if (input.dependsOnTemperror) return { refusal: dmarcTemporary(d.domain) };
  if (policy === "reject") return { refusal: dmarcRejected(d.domain) };
  return {
    quarantine: {
      kind: "dmarc",
      score: null,
      reasons: [{ name: "DMARC_POLICY_QUARANTINE", description: `dmarc=fail header.from=${d.domain} (p=quarantine)` }],
      tenantIds: null,
    },
  };
}
