import type { Prisma } from "@/server/generated/prisma/client.ts";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { DomainError, say } from "@/server/shared/errors";
import { assertLogo } from "./insert-reseller";
import { loadReseller, resellerNotFound } from "./reseller-guard";
import { ROW_SELECT, toRow } from "./reseller-view";
import type { ResellerRow, TUpdateResellerRequest } from "./reseller.types";
import { parentProblem } from "./tree-rules";

const FIELDS = ["name", "contactName", "contactPhone", "contactEmail", "logo", "serviceHours", "status", "parentId"] as const;
type Field = (typeof FIELDS)[number];

export type UpdateScope = {
  /** Only a sub-reseller of this reseller may be edited (a reseller editing its children); others are NOT_FOUND. */
  childOf?: string;
  /** The reseller whose staff is writing: refused while it is suspended. */
  writer?: string;
};

/** The log keeps whether a logo is set and its size, not the image itself. */
const logged = (field: Field, value: unknown) => (field === "logo" ? (value ? { bytes: String(value).length } : null) : value);

/**
 * Edits a reseller's card, status or place in the tree, audited with the changed fields' before
 * and after values. Absent fields are kept; nothing changed writes nothing. Shared by the
 * operator's update and a reseller's edits of its own card and its sub-resellers.
 */
export async function updateReseller(actor: AuditActor, input: TUpdateResellerRequest, scope: UpdateScope = {}): Promise<ResellerRow> {
  assertLogo(input.logo);
  return db.$transaction(async (tx) => {
    if (scope.writer) await loadReseller(tx, scope.writer, { requireActive: true });
    const current = await tx.reseller.findUnique({ where: { id: input.resellerId }, include: { _count: { select: { children: true } } } });
    if (!current || (scope.childOf !== undefined && current.parentId !== scope.childOf)) throw resellerNotFound();

    if (input.parentId !== undefined && input.parentId !== current.parentId) {
      const parent = input.parentId ? await tx.reseller.findUnique({ where: { id: input.parentId }, select: { id: true, parentId: true } }) : null;
      if (input.parentId && !parent) throw new DomainError("NOT_FOUND", say("Reseller not found", "经销商不存在"), { parentId: [say("Reseller not found", "经销商不存在")] });
      const problem = parentProblem(current, current._count.children > 0, parent);
      if (problem) throw new DomainError("BAD_INPUT", problem, { parentId: [problem] });
    }
    if (input.name !== undefined && input.name !== current.name && (await tx.reseller.findFirst({ where: { name: input.name, id: { not: current.id } }, select: { id: true } }))) {
      const taken = say(`A reseller named ${input.name} already exists`, `已有名为 ${input.name} 的经销商`);
      throw new DomainError("CONFLICT", taken, { name: [taken] });
    }

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const data: Partial<Record<Field, unknown>> = {};
    for (const field of FIELDS) {
      const next = input[field];
      if (next === undefined || next === current[field]) continue;
      data[field] = next;
      before[field] = logged(field, current[field]);
      after[field] = logged(field, next);
    }
    if (Object.keys(data).length > 0) {
      await tx.reseller.update({ where: { id: current.id }, data: data as Prisma.ResellerUncheckedUpdateInput });
      await recordAudit(actor, { action: "reseller.update", tenantId: null, target: { type: "reseller", id: current.id }, details: { before, after } as never }, tx);
    }
    return toRow(await tx.reseller.findUniqueOrThrow({ where: { id: current.id }, select: ROW_SELECT }));
  });
}
