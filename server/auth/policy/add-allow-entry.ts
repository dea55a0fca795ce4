import { Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { DomainError, say } from "@/server/shared/errors";
import { parseCidr } from "@/server/auth/ip-rules/cidr";
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
  refuseTooBroad(cidr);
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

/**
 * The broadest range an allow-list may hold: an office's network, not the Internet. An entry such
 * as 0.0.0.0/0 would lift the lockout, the address lock and the portal rate limit for every
 * address on earth (the policy's bounds keep the lockout itself at 3–50 tries for that reason).
 */
export const ALLOW_ENTRY_MIN_PREFIX = { 4: 16, 6: 48 } as const;

function refuseTooBroad(cidr: string): void {
  const parsed = parseCidr(cidr);
  if (!parsed.ok) return;
  const min = ALLOW_ENTRY_MIN_PREFIX[parsed.version];
  if (parsed.prefix >= min) return;
  const text = say(
    `${cidr} is too broad for the allow-list: an IPv${parsed.version} range must be /${min} or narrower (an office's network, not a whole provider)`,
    `${cidr} 范围过大，不能加入锁定白名单：IPv${parsed.version} 网段前缀至少为 /${min}（应为办公网络，而非整个运营商网络）`,
  );
  throw new DomainError("BAD_INPUT", text, { cidr: [text] });
}
