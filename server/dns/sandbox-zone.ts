// The sandbox's zone in memory and the pure rule that answers one question from it.
import { SandboxRecordInputSchema, type SandboxRecordValue } from "./sandbox-records.types";

export type Zone = {
  /** Records by owner name. */
  byName: Map<string, SandboxRecordValue[]>;
  /** Every owner name and every name above one (empty non-terminals exist: NOERROR, not NXDOMAIN). */
  existing: Set<string>;
};

export type ZoneRow = { name: string; type: string; ttl: number; data: unknown };

/** Builds the zone from table rows; a row that does not validate (written around sandbox-records.ts) is skipped and reported. */
export function buildZone(rows: ZoneRow[]): { zone: Zone; skipped: ZoneRow[] } {
  const byName = new Map<string, SandboxRecordValue[]>();
  const existing = new Set<string>();
  const skipped: ZoneRow[] = [];
  for (const row of rows) {
    const parsed = SandboxRecordInputSchema.safeParse(row);
    if (!parsed.success) {
      skipped.push(row);
      continue;
    }
    const record = parsed.data;
    byName.set(record.name, [...(byName.get(record.name) ?? []), record]);
    const labels = record.name.split(".");
    for (let i = 0; i < labels.length; i++) existing.add(labels.slice(i).join("."));
  }
  return { zone: { byName, existing }, skipped };
}

export type ZoneAnswer = { rcode: 0 | 3; answers: SandboxRecordValue[] };

const MAX_CHAIN = 8;

/**
 * Answers like an authoritative server: the records of the type asked; at an alias, the CNAME
 * whatever the type (and, as BIND does, the target's records when the target is in the zone);
 * NOERROR with no answers when the name exists with other types; NXDOMAIN when it does not.
 */
export function answerQuestion(zone: Zone, qname: string, qtype: string): ZoneAnswer {
  let owner = qname.replace(/\.$/, "").toLowerCase();
  if (!zone.existing.has(owner)) return { rcode: 3, answers: [] };
  const answers: SandboxRecordValue[] = [];
  for (let hop = 0; hop < MAX_CHAIN; hop++) {
    const records = zone.byName.get(owner) ?? [];
    const alias = records.find((r) => r.type === "CNAME");
    if (!alias || alias.type !== "CNAME" || qtype === "CNAME") {
      answers.push(...records.filter((r) => r.type === qtype));
      break;
    }
    answers.push(alias);
    owner = alias.data.target;
    if (!zone.byName.has(owner) || answers.some((r) => r.name === owner)) break;
  }
  return { rcode: 0, answers };
}
