import type { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";

// The plan catalogue of seed 002: 5 users for 1,000 CNY a year is 200 CNY (20,000 fen) per
// seat-year, 263 GB mailboxes, 30 MB attachments and 2 GB large attachments. Prices are
// integer fen (architecture convention 3).

const GB = 1024; // plan limits are in MB

type PlanWithoutHistory = Omit<Prisma.PlanCreateInput, "prices">;

/**
 * A plan is created together with the first row of its price history. The seed creates a plan
 * only when its code is missing, so running it again adds no history row either.
 */
function withFirstPrice(plan: PlanWithoutHistory): Prisma.PlanCreateInput {
  return {
    ...plan,
    // A getter, so the row is dated when the seed creates the plan, not when this module loads.
    get prices() {
      return {
        create: { pricePerSeatYear: plan.pricePerSeatYear, currency: plan.currency ?? "CNY", effectiveFrom: clock.now() },
      };
    },
  };
}

const PLANS: readonly PlanWithoutHistory[] = [
  {
    code: "std-263",
    name: "标准版 Standard",
    pricePerSeatYear: 20_000,
    currency: "CNY",
    mailboxQuotaMb: 263 * GB,
    mailboxMessageLimit: 50_000,
    attachmentLimitMb: 30,
    largeAttachmentLimitMb: 2 * GB,
    aliasesPerMailbox: 5,
    domainsPerTenant: 5,
    dailySendLimit: 1_000,
  },
  {
    // Tencent Exmail's business tier allows 100 MB normal attachments; large ones stay 2 GB.
    // Aliases, domains and the daily sending limit are the seeds' platform-wide figures (5, 5
    // and the 263 agreement's 1,000 a day), the same for every plan.
    code: "pro-263",
    name: "专业版 Professional",
    pricePerSeatYear: 36_000,
    currency: "CNY",
    mailboxQuotaMb: 512 * GB,
    mailboxMessageLimit: 100_000,
    attachmentLimitMb: 100,
    largeAttachmentLimitMb: 2 * GB,
    aliasesPerMailbox: 5,
    domainsPerTenant: 5,
    dailySendLimit: 1_000,
  },
];

export const DEMO_PLANS: readonly Prisma.PlanCreateInput[] = PLANS.map(withFirstPrice);
