import type { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { DomainError } from "@/server/shared/errors";

// The rules every write of a plan shares: the price history row that goes with a price, and
// the one limit that compares two fields.

type Tx = Prisma.TransactionClient;

/**
 * Appends the plan's new current price to its history, in the caller's transaction, so the
 * plan's price and its history never disagree. Subscriptions copy the price when they are
 * bought, so this reaches new orders and renewals, never a period already paid.
 */
export async function appendPlanPrice(
  tx: Tx,
  plan: { id: string; pricePerSeatYear: number; currency: string },
  changedById: string | null,
): Promise<void> {
  await tx.planPrice.create({
    data: {
      planId: plan.id,
      pricePerSeatYear: plan.pricePerSeatYear,
      currency: plan.currency,
      effectiveFrom: clock.now(),
      changedById,
    },
  });
}

/**
 * A large attachment (sent as a download link) may not be smaller than an ordinary one. The
 * error goes on `field`: the one the operator just typed.
 */
export function assertAttachmentLimits(
  attachmentLimitMb: number,
  largeAttachmentLimitMb: number,
  field: "attachmentLimitMb" | "largeAttachmentLimitMb" = "largeAttachmentLimitMb",
): void {
  if (largeAttachmentLimitMb >= attachmentLimitMb) return;
  const message =
    field === "largeAttachmentLimitMb"
      ? `Large attachment limit must be at least the attachment limit (${attachmentLimitMb.toLocaleString("en-US")} MB)`
      : `Attachment limit must be at most the large attachment limit (${largeAttachmentLimitMb.toLocaleString("en-US")} MB)`;
  throw new DomainError("BAD_INPUT", message, { [field]: [message] });
}
