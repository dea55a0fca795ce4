import { z } from "zod";
import { ListPolicy } from "@/server/generated/prisma/enums.ts";

// Loose limits only: the use case says precisely what is wrong with an address, in both
// languages (addressFor); zod guards the sizes and the enum.

export const ZListPolicy = z.enum(ListPolicy);
export const ZId = z.string().trim().min(1).max(191);

/** Name, description and sender policy: what creating and editing a list both take. */
export const ZListSettings = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).optional(),
  policy: ZListPolicy,
});

export const ZCreateListRequest = ZListSettings.extend({
  domainId: ZId,
  localPart: z.string().max(1_000),
});
export type TCreateListRequest = z.infer<typeof ZCreateListRequest>;

export const ZListIdRequest = z.object({ listId: ZId });
export type TListIdRequest = z.infer<typeof ZListIdRequest>;
