"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { TResellerLedgerRequest } from "@/server/resellers/account/account.types";

/**
 * The same account views serve the reseller (its own books: resellers.account, no id) and the
 * operator (any reseller's: resellers.accountsOps with its id). `resellerId` picks the operator's.
 */
export function useAccountApi(resellerId?: string) {
  const trpc = useTRPC();
  const ops = resellerId !== undefined;
  return {
    ops,
    invalidate: () => (ops ? trpc.resellers.accountsOps.pathKey() : trpc.resellers.account.pathKey()),
    useSummary: () =>
      useQuery(ops ? trpc.resellers.accountsOps.summary.queryOptions({ resellerId }) : trpc.resellers.account.summary.queryOptions()),
    useLedger: (req: TResellerLedgerRequest) =>
      useQuery({
        ...(ops ? trpc.resellers.accountsOps.ledger.queryOptions({ ...req, resellerId }) : trpc.resellers.account.ledger.queryOptions(req)),
        placeholderData: (previous) => previous,
      }),
    useMonths: () =>
      useQuery(ops ? trpc.resellers.accountsOps.statementMonths.queryOptions({ resellerId }) : trpc.resellers.account.statementMonths.queryOptions()),
    useStatement: (month: string | null) =>
      useQuery({
        ...(ops
          ? trpc.resellers.accountsOps.statement.queryOptions({ resellerId, month: month ?? "" })
          : trpc.resellers.account.statement.queryOptions({ month: month ?? "" })),
        enabled: month !== null,
      }),
    csvHref: (month: string) => `/api/resellers/statements?${new URLSearchParams(ops ? { month, resellerId } : { month })}`,
  };
}
