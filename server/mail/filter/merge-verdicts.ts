import type { QuarantineVerdict, SmtpRefusal } from "../engine.types";
import type { DataVerdict } from "../hooks/smtp-hooks";
import type { DmarcDecision } from "./auth/dmarc-decision";
import type { ScanDecision } from "./scan-decision";

// One verdict from the authentication checks and the scan (pure). A refusal wins over
// everything, final (5xx) refusals over temporary ones, and of the final ones the virus first
// (554 says the most). A message has one quarantine entry kind: virus over DMARC over spam; it
// covers every tenant either verdict holds it for (null = all local recipients), with all reasons.

const KIND_ORDER: QuarantineVerdict["kind"][] = ["virus", "dmarc", "spam"];

function pickRefusal(list: (SmtpRefusal | null)[]): SmtpRefusal | null {
  const present = list.filter((r): r is SmtpRefusal => r !== null);
  return present.find((r) => r.code >= 500) ?? present[0] ?? null;
}

function mergeQuarantine(a: QuarantineVerdict | null, b: QuarantineVerdict | null): QuarantineVerdict | null {
  if (!a || !b) return a ?? b;
  const [first, second] = KIND_ORDER.indexOf(a.kind) <= KIND_ORDER.indexOf(b.kind) ? [a, b] : [b, a];
  const tenantIds = first.tenantIds === null || second.tenantIds === null ? null : [...new Set([...first.tenantIds, ...second.tenantIds])];
  return { kind: first.kind, score: first.score ?? second.score, reasons: [...first.reasons, ...second.reasons], tenantIds };
}

export function mergeVerdicts(authHeaders: string[], dmarc: DmarcDecision, scan: ScanDecision): DataVerdict {
  const dmarcRefusal = dmarc && "refusal" in dmarc ? dmarc.refusal : null;
  const dmarcHold = dmarc && "quarantine" in dmarc ? dmarc.quarantine : null;
  // Virus (554) first, then DMARC, then spam; pickRefusal puts any 5xx before a 451.
  const refusal = pickRefusal(scan.refusal?.code === 554 ? [scan.refusal, dmarcRefusal] : [dmarcRefusal, scan.refusal]);
  if (refusal) return { refusal };
  const quarantine = mergeQuarantine(dmarcHold, scan.quarantine);
  return { headers: [...authHeaders, ...scan.headers], ...(quarantine ? { quarantine } : {}) };
}
