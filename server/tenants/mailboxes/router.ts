import { router } from "@/server/trpc/init";
import { customerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { addAlias } from "../aliases/add-alias";
import { ZAddAliasRequest, ZRemoveAliasRequest } from "../aliases/add-alias.types";
import { listAliases } from "../aliases/list-aliases";
import { removeAlias } from "../aliases/remove-alias";
import { createMailbox } from "./create-mailbox";
import { ZCreateMailboxRequest, ZMailboxIdRequest } from "./create-mailbox.types";
import { deleteMailbox } from "./delete-mailbox";
import { getSeatUsage } from "./get-seat-usage";
import { listMailboxes } from "./list-mailboxes";
import { ZListMailboxesRequest } from "./list-mailboxes.types";
import { resetMailboxPassword } from "./reset-mailbox-password";
import { setMailboxStatus } from "./set-mailbox-status";
import { updateMailbox } from "./update-mailbox";
import { ZResetMailboxPasswordRequest, ZSetMailboxStatusRequest, ZUpdateMailboxRequest } from "./update-mailbox.types";

// A tenant admin's mailboxes and their aliases. Every id is looked up within ctx.tenantId, so
// another tenant's mailbox, domain or department is NOT_FOUND.
export const mailboxesRouter = router({
  list: customerProcedure.input(ZListMailboxesRequest).query(({ ctx, input }) => listMailboxes(ctx.tenantId, input)),
  seats: customerProcedure.query(({ ctx }) => getSeatUsage(ctx.tenantId)),
  create: customerProcedure.input(ZCreateMailboxRequest).mutation(({ ctx, input }) => createMailbox(actorOf(ctx), ctx.tenantId, input)),
  update: customerProcedure.input(ZUpdateMailboxRequest).mutation(({ ctx, input }) => updateMailbox(actorOf(ctx), ctx.tenantId, input)),
  setStatus: customerProcedure.input(ZSetMailboxStatusRequest).mutation(({ ctx, input }) => setMailboxStatus(actorOf(ctx), ctx.tenantId, input)),
  resetPassword: customerProcedure.input(ZResetMailboxPasswordRequest).mutation(({ ctx, input }) => resetMailboxPassword(actorOf(ctx), ctx.tenantId, input)),
  delete: customerProcedure.input(ZMailboxIdRequest).mutation(({ ctx, input }) => deleteMailbox(actorOf(ctx), ctx.tenantId, input)),
  aliases: customerProcedure.input(ZMailboxIdRequest).query(({ ctx, input }) => listAliases(ctx.tenantId, input.mailboxId)),
  addAlias: customerProcedure.input(ZAddAliasRequest).mutation(({ ctx, input }) => addAlias(actorOf(ctx), ctx.tenantId, input)),
  removeAlias: customerProcedure.input(ZRemoveAliasRequest).mutation(({ ctx, input }) => removeAlias(actorOf(ctx), ctx.tenantId, input)),
});
