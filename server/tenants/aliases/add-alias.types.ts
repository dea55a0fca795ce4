import { z } from "zod";
import { ZDomainId } from "@/server/domains/get-domain.types";
import { ZMailboxId } from "../mailboxes/create-mailbox.types";

/** Another address for a mailbox, on any of the tenant's domains or alias domains. */
export const ZAddAliasRequest = z.object({
  mailboxId: ZMailboxId,
  domainId: ZDomainId,
  localPart: z.string({ message: "Enter the part before @" }).max(300, "Too long"),
});
export type TAddAliasRequest = z.infer<typeof ZAddAliasRequest>;

export const ZRemoveAliasRequest = z.object({ mailboxId: ZMailboxId, address: z.string().trim().toLowerCase().min(3).max(254) });
export type TRemoveAliasRequest = z.infer<typeof ZRemoveAliasRequest>;

export type TAliasView = { address: string; domainId: string; createdAt: Date };
export type TListAliasesResponse = { mailboxAddress: string; rows: TAliasView[]; limit: number };
