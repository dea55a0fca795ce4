import type { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { assertRange } from "../admin-fields";
import { toMaintenanceView, WITH_ANNOUNCEMENT } from "./maintenance-view";
import type { MaintenanceView, TListMaintenanceRequest } from "./maintenance.types";

/** A calendar holds a few windows a month; more than this in one answer is a range too wide. */
export const MAINTENANCE_LIST_LIMIT = 500;

/** Windows overlapping [from, to) (either end open), soonest first; cancelled ones only when asked. */
export async function listMaintenance(input: TListMaintenanceRequest): Promise<MaintenanceView[]> {
  assertRange(input);
  const where: Prisma.MaintenanceWindowWhereInput = {
    ...(input.includeCancelled ? {} : { status: "scheduled" }),
    ...(input.to ? { startsAt: { lt: input.to } } : {}),
    ...(input.from ? { endsAt: { gt: input.from } } : {}),
  };
  const rows = await db.maintenanceWindow.findMany({ where, include: WITH_ANNOUNCEMENT, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: MAINTENANCE_LIST_LIMIT });
  return rows.map(toMaintenanceView);
}
