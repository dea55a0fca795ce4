import { z } from "zod";

// The shape only: a number per threshold and the virus action. The bounds and the order of
// the thresholds are the use case's (spamPolicyProblems), so their refusals name the bound in
// both languages instead of zod's generic wording.

const score = z.number({ error: "Enter a number" }).finite();

export const ZUpdateSpamPolicyRequest = z.object({
  addHeaderScore: score,
  quarantineScore: score,
  rejectScore: score,
  virusAction: z.enum(["reject", "quarantine"], { error: "Choose reject or quarantine" }),
});
export type TUpdateSpamPolicyRequest = z.infer<typeof ZUpdateSpamPolicyRequest>;

export const ZTenantSpamPolicyRequest = z.object({ tenantId: z.string().trim().min(1).max(191) });
export type TTenantSpamPolicyRequest = z.infer<typeof ZTenantSpamPolicyRequest>;
