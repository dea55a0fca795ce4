import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { DomainError, say } from "@/server/shared/errors";
import { withNamedLock } from "@/server/shared/named-lock";
import { findRepeat } from "./audit-repeat";
import { deliver, insertInvitedStaff, type PendingInvitation } from "./invite-staff";
import { logoProblem } from "./logo-rules";
import { assertEmailFree, loadReseller, resellerNotFound, uniqueEmail } from "./reseller-guard";
import { ROW_SELECT, staffView, toRow } from "./reseller-view";
import type { InvitedStaff, ResellerRow, TCreateResellerRequest } from "./reseller.types";
import { parentProblem } from "./tree-rules";

export const CREATE_ACTION = "reseller.create";
const BUSY = say("Another reseller is being created; try again in a moment", "正在创建其他经销商，请稍后重试");

export type NewReseller = Omit<TCreateResellerRequest, "parentId"> & { parentId: string | null };
export type CreatedReseller = { reseller: ResellerRow; staff: InvitedStaff; created: boolean };

/** Refuses a logo that is not a small PNG, JPEG or WebP, under the form's logo field. */
export function assertLogo(logo: string | null | undefined): void {
  if (!logo) return;
  const problem = logoProblem(logo);
  if (problem) throw new DomainError("BAD_INPUT", problem, { logo: [problem] });
}

/**
 * A reseller with its contact card and first staff account (invited), in one transaction with its
 * audit entries; the invitation e-mail leaves after commit. A retry with the same request id
 * returns the first reseller. `requireActiveParent`: a reseller creating its own sub-reseller must
 * not be suspended. Shared by the operator's create and a reseller's createSubReseller.
 */
export async function insertReseller(actor: AuditActor, input: NewReseller, options: { invitedBy: (parentName: string | null) => string; requireActiveParent?: boolean }): Promise<CreatedReseller> {
  assertLogo(input.logo);
  let pending: PendingInvitation | null = null;
  const result = await withNamedLock(CREATE_ACTION, 10, BUSY, async (tx) => {
    const repeated = await findRepeat(tx, CREATE_ACTION, actor.id, input.idempotencyKey);
    if (repeated) {
      const first = await tx.reseller.findUnique({ where: { id: repeated }, select: { ...ROW_SELECT, users: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 } } });
      if (!first || first.name !== input.name || first.parentId !== input.parentId) {
        throw new DomainError("CONFLICT", say("This request id was already used for a different reseller", "该请求编号已用于另一个经销商"));
      }
      return { reseller: toRow(first), userId: first.users[0]!.id, created: false };
    }
    const parent = input.parentId ? await loadReseller(tx, input.parentId, { requireActive: options.requireActiveParent }).catch(notFoundOn("parentId")) : null;
    const problem = parentProblem(null, false, parent);
    if (problem) throw new DomainError("BAD_INPUT", problem, { parentId: [problem] });
    if (await tx.reseller.findFirst({ where: { name: input.name }, select: { id: true } })) {
      const taken = say(`A reseller named ${input.name} already exists`, `已有名为 ${input.name} 的经销商`);
      throw new DomainError("CONFLICT", taken, { name: [taken] });
    }
    await assertEmailFree(tx, "staff.email", input.staff.email);
    const reseller = await tx.reseller.create({
      data: {
        name: input.name,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail,
        logo: input.logo ?? null,
        serviceHours: input.serviceHours ?? null,
        parentId: parent?.id ?? null,
        discountBps: input.discountBps,
        creditLimit: BigInt(input.creditLimit),
      },
    });
    const staff = await uniqueEmail("staff.email", input.staff.email, () =>
      insertInvitedStaff(tx, { resellerId: reseller.id, ...input.staff, organisation: reseller.name, invitedBy: options.invitedBy(parent?.name ?? null) }),
    );
    pending = staff.pending;
    await recordAudit(
      actor,
      {
        action: CREATE_ACTION,
        tenantId: null,
        target: { type: "reseller", id: reseller.id },
        details: {
          name: reseller.name,
          parentId: reseller.parentId,
          discountBps: reseller.discountBps,
          creditLimit: input.creditLimit,
          contactEmail: reseller.contactEmail,
          logo: reseller.logo !== null,
          staffEmail: staff.user.email,
          idempotencyKey: input.idempotencyKey,
        },
      },
      tx,
    );
    await recordAudit(actor, { action: "reseller.staff.invite", tenantId: null, target: { type: "user", id: staff.user.id }, details: { resellerId: reseller.id, email: staff.user.email } }, tx);
    const row = await tx.reseller.findUniqueOrThrow({ where: { id: reseller.id }, select: ROW_SELECT });
    return { reseller: toRow(row), userId: staff.user.id, created: true };
  });
  const invitationSent = await deliver(pending);
  return { reseller: result.reseller, staff: { user: await staffView(result.userId), invitationSent }, created: result.created };
}

/** A missing parent is reported under the parent field. */
function notFoundOn(field: string) {
  return (e: unknown): never => {
    if (e instanceof DomainError && e.code === "NOT_FOUND") {
      const gone = resellerNotFound();
      throw new DomainError("NOT_FOUND", gone.text, { [field]: [gone.text] });
    }
    throw e;
  };
}
