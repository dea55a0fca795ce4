import { router } from "@/server/trpc/init";
import { customerProcedure } from "@/server/trpc/procedures";
import { actorOf } from "@/server/trpc/context";
import { addListEntry } from "./add-list-entry";
import { ZAddListEntryRequest, ZRemoveListEntryRequest } from "./add-list-entry.types";
import { createList } from "./create-list";
import { ZCreateListRequest, ZListIdRequest } from "./create-list.types";
import { deleteList } from "./delete-list";
import { getList } from "./get-list";
import { listLists } from "./list-lists";
import { listMemberCandidates } from "./list-member-candidates";
import { ZMemberCandidatesRequest } from "./list-member-candidates.types";
import { removeListEntry } from "./remove-list-entry";
import { updateList } from "./update-list";
import { ZUpdateListRequest } from "./update-list.types";

// 邮件列表 (seed 001 §6.2): a tenant admin's lists, their members and named senders. Every id is
// looked up within ctx.tenantId, so another tenant's list or mailbox is NOT_FOUND.
export const listsRouter = router({
  list: customerProcedure.query(({ ctx }) => listLists(ctx.tenantId)),
  get: customerProcedure.input(ZListIdRequest).query(({ ctx, input }) => getList(ctx.tenantId, input.listId)),
  create: customerProcedure.input(ZCreateListRequest).mutation(({ ctx, input }) => createList(actorOf(ctx), ctx.tenantId, input)),
  update: customerProcedure.input(ZUpdateListRequest).mutation(({ ctx, input }) => updateList(actorOf(ctx), ctx.tenantId, input)),
  delete: customerProcedure.input(ZListIdRequest).mutation(({ ctx, input }) => deleteList(actorOf(ctx), ctx.tenantId, input)),
  addEntry: customerProcedure.input(ZAddListEntryRequest).mutation(({ ctx, input }) => addListEntry(actorOf(ctx), ctx.tenantId, input)),
  removeEntry: customerProcedure.input(ZRemoveListEntryRequest).mutation(({ ctx, input }) => removeListEntry(actorOf(ctx), ctx.tenantId, input)),
  memberCandidates: customerProcedure.input(ZMemberCandidatesRequest).query(({ ctx, input }) => listMemberCandidates(ctx.tenantId, input)),
});
