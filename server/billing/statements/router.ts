import { router } from "@/server/trpc/init";
import { clientProcedure } from "@/server/trpc/procedures";
import { listLedgerEntries } from "../ledger/list-ledger-entries";
import { ZListLedgerEntriesRequest } from "../ledger/list-ledger-entries.types";
import { getStatement, listStatementMonths } from "./get-statement";
import { ZStatementRequest } from "./get-statement.types";

// The customer's own ledger and statements. No procedure takes a tenant id: the tenant is
// always ctx.tenantId, so there is nothing to point at another tenant.
export const statementsRouter = router({
  ledger: clientProcedure.input(ZListLedgerEntriesRequest).query(({ ctx, input }) => listLedgerEntries(ctx.tenantId, input)),
  statement: clientProcedure.input(ZStatementRequest).query(({ ctx, input }) => getStatement(ctx.tenantId, input.month)),
  months: clientProcedure.query(({ ctx }) => listStatementMonths(ctx.tenantId)),
});
