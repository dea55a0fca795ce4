import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import {
  ZOpsResellerLedgerRequest,
  ZOpsResellerStatementRequest,
  ZRecordResellerAdjustmentRequest,
  ZRecordResellerPaymentRequest,
  ZResellerIdRequest,
  ZSetCreditLimitRequest,
  ZSetPricingRequest,
} from "./account.types";
import { getAccountSummary } from "./get-account-summary";
import { listResellerLedger } from "./list-reseller-ledger";
import { getResellerStatement, listResellerStatementMonths } from "./get-reseller-statement";
import { listPrices } from "./list-prices";
import { setPricing } from "./set-pricing";
import { setCreditLimit } from "./set-credit-limit";
import { recordResellerPayment } from "./record-reseller-payment";
import { recordResellerAdjustment } from "./record-reseller-adjustment";

// Operators run every reseller's account, sub-resellers included (each has its own books).
export const opsAccountsRouter = router({
  summary: operatorProcedure.input(ZResellerIdRequest).query(({ input }) => getAccountSummary(input.resellerId)),
  ledger: operatorProcedure.input(ZOpsResellerLedgerRequest).query(({ input }) => listResellerLedger(input.resellerId, input)),
  statement: operatorProcedure.input(ZOpsResellerStatementRequest).query(({ input }) => getResellerStatement(input.resellerId, input.month)),
  statementMonths: operatorProcedure.input(ZResellerIdRequest).query(({ input }) => listResellerStatementMonths(input.resellerId)),
  pricing: operatorProcedure.input(ZResellerIdRequest).query(({ input }) => listPrices(input.resellerId)),
  setPricing: operatorProcedure.input(ZSetPricingRequest).mutation(({ ctx, input }) => setPricing(actorOf(ctx), input)),
  setCreditLimit: operatorProcedure.input(ZSetCreditLimitRequest).mutation(({ ctx, input }) => setCreditLimit(actorOf(ctx), input)),
  recordPayment: operatorProcedure.input(ZRecordResellerPaymentRequest).mutation(({ ctx, input }) => recordResellerPayment(actorOf(ctx), input)),
  recordAdjustment: operatorProcedure.input(ZRecordResellerAdjustmentRequest).mutation(({ ctx, input }) => recordResellerAdjustment(actorOf(ctx), input)),
});
