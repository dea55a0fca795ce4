import { z } from "zod";
import { ListEntryRole } from "@/server/generated/prisma/enums.ts";
import { ZId } from "./create-list.types";

/**
 * A member (receives the list's mail) or a named sender: one of the tenant's mailboxes by id, or
 * an address typed in. Exactly one of the two; the use case says which is missing, on `address`.
 */
export const ZAddListEntryRequest = z.object({
  listId: ZId,
  role: z.enum(ListEntryRole),
  mailboxId: ZId.optional(),
  address: z.string().max(1_000).optional(),
});
export type TAddListEntryRequest = z.infer<typeof ZAddListEntryRequest>;

export const ZRemoveListEntryRequest = z.object({ listId: ZId, entryId: ZId });
export type TRemoveListEntryRequest = z.infer<typeof ZRemoveListEntryRequest>;
