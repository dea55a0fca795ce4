import { DEFAULT_SPAM_POLICY, SPAM_POLICY_BOUNDS, type SpamPolicyValues } from "@/server/mail/filter/spam-policy-rules";
import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";

export type SpamPolicyView = SpamPolicyValues & {
  /** True when the tenant has no policy of its own and the platform's defaults apply. */
  isDefault: boolean;
  updatedAt: Date | null;
  defaults: SpamPolicyValues;
  bounds: typeof SPAM_POLICY_BOUNDS;
};

/** A tenant's spam policy as the engine applies it: its own row, or the platform's defaults. */
export async function getSpamPolicy(tenantId: string): Promise<SpamPolicyView> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, spamPolicy: { select: { addHeaderScore: true, quarantineScore: true, rejectScore: true, virusAction: true, updatedAt: true } } },
  });
  if (!tenant) throw notFound("Tenant");
  const row = tenant.spamPolicy;
  const values: SpamPolicyValues = row
    ? { addHeaderScore: row.addHeaderScore, quarantineScore: row.quarantineScore, rejectScore: row.rejectScore, virusAction: row.virusAction }
    : { ...DEFAULT_SPAM_POLICY };
  return { ...values, isDefault: !row, updatedAt: row?.updatedAt ?? null, defaults: { ...DEFAULT_SPAM_POLICY }, bounds: SPAM_POLICY_BOUNDS };
}
