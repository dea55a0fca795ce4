import { db } from "@/server/shared/db";

export type PlanRow = {
  id: string;
  code: string;
  name: string;
  /** Integer minor units (fen) per seat per year. */
  pricePerSeatYear: number;
  currency: string;
  mailboxQuotaMb: number;
  attachmentLimitMb: number;
  largeAttachmentLimitMb: number;
  dailySendLimit: number;
  active: boolean;
};

/** The plan catalogue, cheapest first, including withdrawn plans (operators still see them). */
export async function listPlans(): Promise<PlanRow[]> {
  return db.plan.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      pricePerSeatYear: true,
      currency: true,
      mailboxQuotaMb: true,
      attachmentLimitMb: true,
      largeAttachmentLimitMb: true,
      dailySendLimit: true,
      active: true,
    },
    orderBy: [{ active: "desc" }, { pricePerSeatYear: "asc" }, { code: "asc" }],
  });
}
