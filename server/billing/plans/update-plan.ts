import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { appendPlanPrice, assertAttachmentLimits } from "./plan-price";
import { PLAN_ROW_SELECT, type PlanRow } from "./plan.types";
import type { TUpdatePlanRequest } from "./update-plan.types";

type Editable = Exclude<keyof TUpdatePlanRequest, "id">;
// Every editable field holds text, a number, a flag or null (no limit), so a change is plain JSON.
type Value = string | number | boolean | null;
type Change = { from: Value; to: Value };

// The price and its currency move together into the price history; the rest is a plain edit.
const PRICE_FIELDS: readonly Editable[] = ["pricePerSeatYear", "currency"];

/** The fields whose sent value differs from the stored one. */
function changesOf(current: PlanRow, requested: Omit<TUpdatePlanRequest, "id">): Partial<Record<Editable, Change>> {
  const changes: Partial<Record<Editable, Change>> = {};
  for (const [field, to] of Object.entries(requested) as [Editable, Value | undefined][]) {
    if (to !== undefined && current[field] !== to) changes[field] = { from: current[field], to };
  }
  return changes;
}

function assertLimits(next: PlanRow, changes: Partial<Record<Editable, Change>>): void {
  if (!changes.attachmentLimitMb && !changes.largeAttachmentLimitMb) return;
  const field = changes.largeAttachmentLimitMb ? "largeAttachmentLimitMb" : "attachmentLimitMb";
  assertAttachmentLimits(next.attachmentLimitMb, next.largeAttachmentLimitMb, field);
}

/**
 * A partial edit of a plan. A new price is appended to the price history in the same
 * transaction (action `plan.price_change`); other fields, the withdraw/restore toggle included,
 * are audited as `plan.update` with from/to per field. Sending the values a plan already has
 * writes nothing, so a repeated or concurrent identical edit adds no second history row.
 */
export async function updatePlan(actor: AuditActor, input: TUpdatePlanRequest): Promise<PlanRow> {
  const { id, ...requested } = input;
  return db.$transaction(async (tx) => {
    // Lock first: concurrent edits of one plan run one after the other, and each compares with
    // what the previous one committed (the snapshot is taken by the read after the lock).
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM Plan WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) throw notFound("Plan");
    const current = await tx.plan.findUniqueOrThrow({ where: { id }, select: PLAN_ROW_SELECT });

    const changes = changesOf(current, requested);
    const fields = Object.keys(changes) as Editable[];
    if (fields.length === 0) return current;
    const data = Object.fromEntries(fields.map((f) => [f, changes[f]!.to]));
    assertLimits({ ...current, ...data }, changes);

    const plan = await tx.plan.update({ where: { id }, data, select: PLAN_ROW_SELECT });
    const target = { type: "plan", id };
    if (fields.some((f) => PRICE_FIELDS.includes(f))) {
      await appendPlanPrice(tx, plan, actor.id);
      const details = {
        code: plan.code,
        from: current.pricePerSeatYear,
        to: plan.pricePerSeatYear,
        fromCurrency: current.currency,
        currency: plan.currency,
      };
      await recordAudit(actor, { action: "plan.price_change", tenantId: null, target, details }, tx);
    }
    const edits = fields.filter((f) => !PRICE_FIELDS.includes(f));
    if (edits.length > 0) {
      const details = { code: plan.code, changes: Object.fromEntries(edits.map((f) => [f, changes[f]])) };
      await recordAudit(actor, { action: "plan.update", tenantId: null, target, details }, tx);
    }
    return plan;
  });
}
