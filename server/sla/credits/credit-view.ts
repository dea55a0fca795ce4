import type { SlaCredit } from "@/server/generated/prisma/client";
import { toFen } from "@/server/shared/money";
import type { CreditView } from "./decide-credit.types";

export function toCreditView(c: SlaCredit): CreditView {
  return {
    id: c.id,
    tenantId: c.tenantId,
    month: c.month,
    failureMinutes: c.failureMinutes,
    creditMinutes: c.creditMinutes,
    monthFee: toFen(c.monthFee),
    proposedAmount: toFen(c.proposedAmount),
    capAmount: toFen(c.capAmount),
    amount: c.amount === null ? null : toFen(c.amount),
    currency: c.currency,
    status: c.status,
    reason: c.reason,
    decidedById: c.decidedById,
    decidedAt: c.decidedAt,
    ledgerEntryId: c.ledgerEntryId === null ? null : String(c.ledgerEntryId),
  };
}
