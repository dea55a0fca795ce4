import { z } from "zod";

export const ZMemberCandidatesRequest = z.object({ search: z.string().trim().max(254).optional() });
export type TMemberCandidatesRequest = z.infer<typeof ZMemberCandidatesRequest>;
