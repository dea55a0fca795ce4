import type { AddressKind } from "@/server/generated/prisma/enums.ts";
import { DomainError, notFound, say, type Localized } from "@/server/shared/errors";
import type { Tx } from "../tenant-transaction";
import { checkLocalPart, joinAddress, localPartMessage } from "./local-part";

export type TenantDomain = { id: string; name: string; unicodeName: string; aliasOfId: string | null };

/**
 * The caller's domain a new address goes on: another tenant's domain is NOT_FOUND (never says
 * whose), as for every id. Any state is accepted: customers create mailboxes while they wait for
 * DNS, and the engine accepts mail only once the domain is mail-ready ([Domains] isDomainAccepted).
 */
export async function loadTenantDomain(tx: Tx, tenantId: string, domainId: string): Promise<TenantDomain> {
  const domain = await tx.domain.findFirst({ where: { id: domainId, tenantId }, select: { id: true, name: true, unicodeName: true, aliasOfId: true } });
  if (!domain) throw notFound("Domain");
  return domain;
}

export const takenMessage = (address: string): Localized => say(`${address} is already in use`, `${address} 已被使用`);

/** A refusal on one input field (`localPart` unless said otherwise), in both languages. */
export const fieldRefusal = (code: "BAD_INPUT" | "CONFLICT", text: Localized, field = "localPart") => new DomainError(code, text, { [field]: [text] });

/** Checks and normalises the local part and builds the address, or throws BAD_INPUT on `field`. */
export function addressFor(rawLocalPart: string, domain: TenantDomain, field = "localPart"): { localPart: string; address: string } {
  const checked = checkLocalPart(rawLocalPart);
  if (!checked.ok) throw fieldRefusal("BAD_INPUT", localPartMessage(checked.problem, rawLocalPart), field);
  const address = joinAddress(checked.value, domain.name);
  if (!address) throw fieldRefusal("BAD_INPUT", say("The whole address may have at most 254 characters", "完整地址最多 254 个字符"), field);
  return { localPart: checked.value, address };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === "P2002";

/**
 * Takes an address for a mailbox, an alias or a list. The MailAddress primary key is the
 * platform-wide guard: whoever inserts second, in any tenant and at any moment, gets CONFLICT
 * ("already in use", never saying by whom). Run inside the tenant's transaction, so a refusal
 * rolls back everything the use case wrote before it.
 */
export async function claimAddress(
  tx: Tx,
  claim: { tenantId: string; domainId: string; address: string; kind: AddressKind; mailboxId?: string; listId?: string },
  field = "localPart",
): Promise<void> {
  try {
    await tx.mailAddress.create({
      data: { address: claim.address, tenantId: claim.tenantId, domainId: claim.domainId, kind: claim.kind, mailboxId: claim.mailboxId ?? null, listId: claim.listId ?? null },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldRefusal("CONFLICT", takenMessage(claim.address), field);
    throw e;
  }
}

/** Whether an address is free platform-wide (for previews: the insert in claimAddress is the guard). */
export async function isAddressFree(tx: Tx, address: string): Promise<boolean> {
  return (await tx.mailAddress.findUnique({ where: { address }, select: { address: true } })) === null;
}
