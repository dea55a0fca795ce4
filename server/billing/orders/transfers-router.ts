import { z } from "zod";
import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { confirmBankTransfer } from "./confirm-bank-transfer";
import { ZConfirmBankTransferRequest } from "./confirm-bank-transfer.types";
import { listPendingTransfers } from "./list-pending-transfers";

// Operators match bank transfers that arrived to the orders waiting for them.
export const transfersRouter = router({
  pending: operatorProcedure
    .input(z.object({ search: z.string().max(120).optional() }).optional())
    .query(({ input }) => listPendingTransfers(input?.search)),
  confirm: operatorProcedure.input(ZConfirmBankTransferRequest).mutation(({ ctx, input }) => confirmBankTransfer(actorOf(ctx), input)),
});
