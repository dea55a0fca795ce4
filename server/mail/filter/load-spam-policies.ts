import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { TtlCache } from "../accept/ttl-cache";
import { DEFAULT_SPAM_POLICY, type SpamPolicyValues } from "./spam-policy-rules";

// Each tenant's spam thresholds, kept MAIL_CACHE_SECONDS (default 5) like the RCPT caches
// (accept/accept-caches.ts): a busy MX reads a tenant's policy once per window, not per
// message, and a change in the console applies within those seconds. No row = the defaults.

export const spamPolicyCache = new TtlCache<SpamPolicyValues>({ maxEntries: 20_000, ttlMs: () => env().MAIL_CACHE_SECONDS * 1000 });

function loadOne(tenantId: string): Promise<SpamPolicyValues> {
  return spamPolicyCache.get(tenantId, async () => {
    const row = await db.spamPolicy.findUnique({
      where: { tenantId },
      select: { addHeaderScore: true, quarantineScore: true, rejectScore: true, virusAction: true },
    });
    return row ?? DEFAULT_SPAM_POLICY;
  });
}

/** The policies of `tenantIds`, by tenant id. */
export async function loadSpamPolicies(tenantIds: string[]): Promise<Map<string, SpamPolicyValues>> {
  const values = await Promise.all(tenantIds.map(loadOne));
  return new Map(tenantIds.map((id, i) => [id, values[i]!]));
}
