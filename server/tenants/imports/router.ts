import { router } from "@/server/trpc/init";
import { customerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { applyImport } from "./apply-import";
import { ZApplyImportRequest, ZImportIdRequest } from "./apply-import.types";
import { getImport } from "./get-import";
import { listImports } from "./list-imports";

// CSV imports of mailboxes. The file itself is uploaded to POST /api/tenants/imports (a raw body
// whose size is checked while it streams); these procedures show what was uploaded and start
// applying it ("start": tRPC reserves the name apply).
// Every id is looked up within ctx.tenantId, so another tenant's import is NOT_FOUND.
export const importsRouter = router({
  list: customerProcedure.query(({ ctx }) => listImports(ctx.tenantId)),
  get: customerProcedure.input(ZImportIdRequest).query(({ ctx, input }) => getImport(ctx.tenantId, input.importId, ctx.locale)),
  start: customerProcedure.input(ZApplyImportRequest).mutation(({ ctx, input }) => applyImport(actorOf(ctx), ctx.tenantId, input, ctx.locale)),
});
