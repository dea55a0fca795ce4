import { Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import type { AllowEntryView } from "./list-allow-entries";
import { cidrOrRefuse } from "./parse-cidr-field";
import { auditTenantOfScope, refuseOverCap, scopeTransaction } from "./policy-scope";
import type { TAddAllowEntryRequest } from "./policy.types";

/**
 * Adds a range to a scope's lockout allow-list (seed 001): failures from it are logged but never
 * counted, and it is never locked. Tenant admins add to their tenant's; operators to the
 * platform's, which also exempts staff and per-address locks.
 */
export async function addAllowEntry(actor: AuditActor, scope: string, input: TAddAllowEntryRequest): Promise<AllowEntryView> {
  const cidr = cidrOrRefuse(input.cidr);
  const note = input.note?.trim() || null;
  try {
    return await scopeTransaction(scope, async (tx) => {
      refuseOverCap(await tx.lockoutAllowEntry.count({ where: { scope } }), ["allow-list entries", "锁定白名单"]);
      if (await tx.lockoutAllowEntry.findFirst({ where: { scope, cidr }, select: { id: true } })) throw duplicate(cidr);
      const row = await tx.lockoutAllowEntry.create({ data: { scope, cidr, note, createdAt: clock.now() }, select: { id: true, cidr: true, note: true, createdAt: true } });
      await recordAudit(actor, { action: "lockout_allow.create", tenantId: auditTenantOfScope(scope), target: { type: "lockout_allow_entry", id: row.id }, details: { scope, cidr, note } }, tx);
      return row;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw duplicate(cidr);
    throw e;
  }
}

function duplicate(cidr: string): DomainError {
  const text = say(`${cidr} is already on the allow-list`, `${cidr} 已在锁定白名单中`);
  return new DomainError("CONFLICT", text, { cidr: [text] });
}
