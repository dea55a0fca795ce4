import { db } from "@/server/shared/db";
import type { PlanRow } from "./plan.types";

/** A plan a customer can order: what it costs (integer fen per seat-year) and what it allows. */
export type CatalogueRow = Omit<PlanRow, "active" | "updatedAt">;

/** The plans on sale, cheapest first. Withdrawn plans stay on their subscriptions but are not offered. */
export async function listCatalogue(): Promise<CatalogueRow[]> {
  return db.plan.findMany({
    where: { active: true },
    select: {
      id: true,
      code: true,
      name: true,
      pricePerSeatYear: true,
      currency: true,
      mailboxQuotaMb: true,
      mailboxMessageLimit: true,
      attachmentLimitMb: true,
      largeAttachmentLimitMb: true,
      aliasesPerMailbox: true,
      domainsPerTenant: true,
      dailySendLimit: true,
    },
    orderBy: [{ pricePerSeatYear: "asc" }, { code: "asc" }],
  });
}
