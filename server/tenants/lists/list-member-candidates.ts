import { db } from "@/server/shared/db";
import type { TMemberCandidatesRequest } from "./list-member-candidates.types";
import { likeLiteral } from "@/server/shared/like-literal";

export type MemberCandidate = { id: string; address: string; displayName: string };

/** At most this many per search: the picker is searchable, not a full directory. */
export const CANDIDATE_LIMIT = 50;

/** The tenant's mailboxes to pick as members or named senders, matching address or name. */
export async function listMemberCandidates(tenantId: string, input: TMemberCandidatesRequest): Promise<MemberCandidate[]> {
  const search = input.search || undefined;
  return db.mailbox.findMany({
    where: { tenantId, ...(search ? { OR: [{ address: { contains: likeLiteral(search) } }, { displayName: { contains: likeLiteral(search) } }] } : {}) },
    select: { id: true, address: true, displayName: true },
    orderBy: { address: "asc" },
    take: CANDIDATE_LIMIT,
  });
}
