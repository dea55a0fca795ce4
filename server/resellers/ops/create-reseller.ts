import type { AuditActor } from "@/server/audit/record-audit";
import { env } from "@/server/shared/env";
import { insertReseller, type CreatedReseller } from "./insert-reseller";
import type { TCreateResellerRequest } from "./reseller.types";

/**
 * An operator opens a reseller (top-level, or under a top-level parent) with its card, initial
 * wholesale discount and credit limit, and its first staff account, which gets an invitation.
 */
export function createReseller(actor: AuditActor, input: TCreateResellerRequest): Promise<CreatedReseller> {
  return insertReseller(actor, { ...input, parentId: input.parentId ?? null }, { invitedBy: () => env().PLATFORM_NAME });
}
