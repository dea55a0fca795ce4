// Writes to the sandbox's zone table. Every change deletes and inserts rows (never updates in
// place), so the server's cheap change probe, MAX(id) and COUNT(*), sees it.
import { z } from "zod";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { SandboxRecordInputSchema, type SandboxRecordInput, type SandboxRecordValue } from "./sandbox-records.types";
import type { QueryType } from "./dns.types";

function validate(records: SandboxRecordInput[]): SandboxRecordValue[] {
  const parsed = z.array(SandboxRecordInputSchema).safeParse(records);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
  throw new DomainError("BAD_INPUT", say("Some records cannot be published to the DNS sandbox", "部分记录无法发布到 DNS 沙箱"), fieldErrors);
}

const rows = (records: SandboxRecordValue[]) => records.map((r) => ({ name: r.name, type: r.type, ttl: r.ttl, data: r.data }));

/** Replaces, for each name and type among `records`, whatever the sandbox held with these records. */
export async function publishToSandbox(records: SandboxRecordInput[]): Promise<{ published: number }> {
  const valid = validate(records);
  const keys = [...new Map(valid.map((r) => [`${r.name} ${r.type}`, { name: r.name, type: r.type }])).values()];
  await db.$transaction([db.sandboxRecord.deleteMany({ where: { OR: keys } }), db.sandboxRecord.createMany({ data: rows(valid) })]);
  return { published: valid.length };
}

/** Removes a name's records of one type, or all of them. */
export async function removeFromSandbox(name: string, type?: QueryType): Promise<{ removed: number }> {
  const owner = name.trim().replace(/\.$/, "").toLowerCase();
  const { count } = await db.sandboxRecord.deleteMany({ where: { name: owner, ...(type ? { type } : {}) } });
  return { removed: count };
}

/**
 * For tests: makes `zone` and every name under it hold exactly `records` (tricky zones included:
 * two SPF records, a DKIM key split mid-quad, an alias where a TXT is expected…).
 */
export async function setSandboxZone(zone: string, records: SandboxRecordInput[]): Promise<void> {
  const apex = zone.trim().replace(/\.$/, "").toLowerCase();
  const valid = validate(records);
  await db.$transaction([
    db.sandboxRecord.deleteMany({ where: { OR: [{ name: apex }, { name: { endsWith: `.${apex}` } }] } }),
    db.sandboxRecord.createMany({ data: rows(valid) }),
  ]);
}
