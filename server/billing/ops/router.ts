import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { listLedgerEntries } from "../ledger/list-ledger-entries";
import { ZOpsListLedgerEntriesRequest, ZPaging } from "../ledger/list-ledger-entries.types";
import { getStatement, listStatementMonths } from "../statements/get-statement";
import { ZOpsStatementRequest, ZOpsTenantRequest } from "../statements/get-statement.types";
import { getBillingSummary } from "./get-billing-summary";
import { listBalances } from "./list-balances";
import { ZListBalancesRequest } from "./list-balances.types";
import { listOverdue } from "./list-overdue";
import { recordAdjustment } from "./record-adjustment";
import { ZRecordAdjustmentRequest } from "./record-adjustment.types";

// Operators' view of every tenant's money: the page's summary figures, balances, the overdue list,
// any tenant's ledger and statements, and adjustments (the only way a person writes to the ledger
// directly).
export const opsBillingRouter = router({
  summary: operatorProcedure.query(() => getBillingSummary()),
  balances: operatorProcedure.input(ZListBalancesRequest).query(({ input }) => listBalances(input)),
  overdue: operatorProcedure.input(ZPaging).query(({ input }) => listOverdue(input)),
  ledger: operatorProcedure.input(ZOpsListLedgerEntriesRequest).query(({ input }) => listLedgerEntries(input.tenantId, input)),
  statement: operatorProcedure.input(ZOpsStatementRequest).query(({ input }) => getStatement(input.tenantId, input.month)),
  months: operatorProcedure.input(ZOpsTenantRequest).query(({ input }) => listStatementMonths(input.tenantId)),
  adjust: operatorProcedure.input(ZRecordAdjustmentRequest).mutation(({ ctx, input }) => recordAdjustment(actorOf(ctx), input)),
});
