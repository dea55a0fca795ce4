import { router } from "@/server/trpc/init";
import { resellerProcedure } from "@/server/trpc/procedures";
import { ZQuoteOrderRequest, ZQuoteTopUpRequest, ZResellerLedgerRequest, ZResellerStatementRequest } from "./account.types";
import { getAccountSummary } from "./get-account-summary";
import { listResellerLedger } from "./list-reseller-ledger";
import { getResellerStatement, listResellerStatementMonths } from "./get-reseller-statement";
import { listPrices } from "./list-prices";
import { quoteOrder, quoteTopUp } from "./quote-order";

// A reseller's own account with the platform: always ctx.resellerId, never an id from the input,
// so a parent cannot read a sub-reseller's books nor anyone another's. Quotes name a client,
// which goes through the tree check.
export const resellerAccountRouter = router({
  summary: resellerProcedure.query(({ ctx }) => getAccountSummary(ctx.resellerId)),
  ledger: resellerProcedure.input(ZResellerLedgerRequest).query(({ ctx, input }) => listResellerLedger(ctx.resellerId, input)),
  statement: resellerProcedure.input(ZResellerStatementRequest).query(({ ctx, input }) => getResellerStatement(ctx.resellerId, input.month)),
  statementMonths: resellerProcedure.query(({ ctx }) => listResellerStatementMonths(ctx.resellerId)),
  myPrices: resellerProcedure.query(({ ctx }) => listPrices(ctx.resellerId)),
  quote: resellerProcedure.input(ZQuoteOrderRequest).query(({ ctx, input }) => quoteOrder(ctx.resellerId, input)),
  quoteTopUp: resellerProcedure.input(ZQuoteTopUpRequest).query(({ ctx, input }) => quoteTopUp(ctx.resellerId, input)),
});
