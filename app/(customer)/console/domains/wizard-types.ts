import type { CheckedRecord } from "@/server/domains/check/check-result.types";
import type { CheckStatus, RecordCheck } from "@/server/domains/rules/check-types";
// Types only: expected-records.ts reaches the server env through platform-settings.ts.
import type { ExpectedRecord, RecordGroup } from "@/server/domains/rules/expected-records";

// What the wizard draws: each expected record with its last check (null before any check).
// One check can cover several rows (both MX hosts are judged together): its diagnosis is shown
// on the first of them only (`showProblems`), not repeated.

export type WizardRecord = ExpectedRecord & { check: RecordCheck | null; showProblems: boolean };
export type WizardStep = { group: RecordGroup; records: WizardRecord[]; status: CheckStatus | null };

// The worst status shows for a step: a wrong record matters more than one still spreading.
const SEVERITY: Record<CheckStatus, number> = { ok: 0, pending: 1, unknown: 2, missing: 3, wrong: 4 };

/** A step's status: the worst of its records', null while any record is unchecked. */
export function stepStatus(records: readonly WizardRecord[]): CheckStatus | null {
  let worst: CheckStatus | null = null;
  for (const r of records) {
    if (!r.check) return null;
    if (!worst || SEVERITY[r.check.status] > SEVERITY[worst]) worst = r.check.status;
  }
  return worst;
}

type ExpectedGroup = { group: RecordGroup; records: ExpectedRecord[] };

/** Pairs every expected record with the check of the same group and name (DKIM: same selector), step by step in the server's order. */
export function wizardSteps(groups: readonly ExpectedGroup[], checked: readonly CheckedRecord[] | null): WizardStep[] {
  const shown = new Set<CheckedRecord>();
  const withCheck = (r: ExpectedRecord): WizardRecord => {
    const c = checked?.find((c) => c.group === r.group && c.name === r.name && (r.selector === undefined || c.selector === r.selector));
    const showProblems = !!c && !shown.has(c);
    if (c) shown.add(c);
    return { ...r, check: c ? { status: c.status, problems: c.problems } : null, showProblems };
  };
  return groups
    .filter((g) => g.records.length > 0)
    .map((g) => {
      const rows = g.records.map(withCheck);
      return { group: g.group, records: rows, status: stepStatus(rows) };
    });
}
