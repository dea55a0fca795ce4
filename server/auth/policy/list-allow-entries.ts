import { db } from "@/server/shared/db";
import { MAX_ENTRIES } from "./policy-scope";

export type AllowEntryView = { id: string; cidr: string; note: string | null; createdAt: Date };

/** The lockout allow-list of a scope (a tenant's id or "platform"), by range. */
export async function listAllowEntries(scope: string): Promise<{ entries: AllowEntryView[]; max: number }> {
  const entries = await db.lockoutAllowEntry.findMany({ where: { scope }, orderBy: { cidr: "asc" }, select: { id: true, cidr: true, note: true, createdAt: true } });
  return { entries, max: MAX_ENTRIES };
}
