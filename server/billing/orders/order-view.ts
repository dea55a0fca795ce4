import type { Order } from "@/server/generated/prisma/client.ts";
import { env } from "@/server/shared/env";
import { toFen } from "@/server/shared/money";

export type BankDetails = { accountName: string; bankName: string; accountNumber: string };

export type OrderView = {
  id: string;
  kind: Order["kind"];
  status: Order["status"];
  method: Order["method"];
  reference: string;
  amount: number;
  currency: string;
  planId: string | null;
  seats: number | null;
  termYears: number | null;
  pricePerSeatYear: number | null;
  createdAt: Date;
  paidAt: Date | null;
  /** Where to send a bank transfer; shown on every pending order (a customer may give up on card payment). */
  bank: BankDetails | null;
};

export function bankDetails(): BankDetails {
  const e = env();
  return { accountName: e.BANK_ACCOUNT_NAME, bankName: e.BANK_NAME, accountNumber: e.BANK_ACCOUNT_NUMBER };
}

export function toOrderView(o: Order): OrderView {
  return {
    id: o.id,
    kind: o.kind,
    status: o.status,
    method: o.method,
    reference: o.reference,
    amount: toFen(o.amount),
    currency: o.currency,
    planId: o.planId,
    seats: o.seats,
    termYears: o.termYears,
    pricePerSeatYear: o.pricePerSeatYear,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    bank: o.status === "pending" ? bankDetails() : null,
  };
}
