import { z } from "zod";
import type { LedgerKind } from "@/server/generated/prisma/client.ts";
import { ZMonth, ZTenantId, type LedgerEntryView } from "../ledger/list-ledger-entries.types";

/** A customer's statement request: the month only; the tenant is ctx.tenantId. */
export const ZStatementRequest = z.object({ month: ZMonth });
export type TStatementRequest = z.infer<typeof ZStatementRequest>;

export const ZOpsStatementRequest = ZStatementRequest.extend({ tenantId: ZTenantId });
export const ZOpsTenantRequest = z.object({ tenantId: ZTenantId });

export type StatementEntry = LedgerEntryView & {
  /** The balance right after this entry. */
  balanceAfter: number;
};

export type Statement = {
  tenantId: string;
  tenantName: string;
  timeZone: string;
  month: string;
  currency: string;
  /** 00:00 on the 1st of the month in the tenant's zone, and of the next month (exclusive). */
  periodStart: Date;
  periodEnd: Date;
  openingBalance: number;
  closingBalance: number;
  /** Sum of the month's entries per kind (signed fen); every kind is present. */
  totals: Record<LedgerKind, number>;
  /** Oldest first, as a statement reads. */
  entries: StatementEntry[];
};
