import { db } from "@/server/shared/db";
import { notFound } from "@/server/shared/errors";
import { previewResize as rule, type ResizePreview } from "../rules/resize";
import { loadResizeInput } from "./load-resize-input";
import type { TPreviewResizeRequest } from "./resize.types";

export type ResizePreviewView = Omit<ResizePreview, "change"> & {
  toPlanId: string;
  toSeats: number;
  pricePerSeatYear: number;
  /** A change already scheduled; scheduling another needs it cancelled first. */
  scheduledId: string | null;
};

/** What a change of seats or plan would do, before the customer confirms it (seed 002 appendix A). */
export async function previewResizeFor(tenantId: string, input: TPreviewResizeRequest): Promise<ResizePreviewView> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, timeZone: true, status: true } });
  if (!tenant) throw notFound("Tenant");
  const { rule: ruleInput, service, toPlanId } = await loadResizeInput(db, tenant, input);
  const { change, ...preview } = rule(ruleInput);
  return { ...preview, toPlanId, toSeats: change.seats, pricePerSeatYear: change.pricePerSeatYear, scheduledId: service.scheduled?.id ?? null };
}
