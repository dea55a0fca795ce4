import { db } from "@/server/shared/db";
import { resellerNotFound } from "./reseller-guard";
import { listStaff, ROW_SELECT, toRow } from "./reseller-view";
import type { ResellerDetail } from "./reseller.types";

/** A reseller's full card for the operator: card, tree, staff, pricing figures. */
export async function getReseller(resellerId: string): Promise<ResellerDetail> {
  const r = await db.reseller.findUnique({
    where: { id: resellerId },
    select: {
      ...ROW_SELECT,
      logo: true,
      serviceHours: true,
      currency: true,
      parent: { select: { id: true, name: true, status: true } },
      children: { select: { id: true, name: true, status: true, _count: { select: { tenants: true } } }, orderBy: { name: "asc" } },
    },
  });
  if (!r) throw resellerNotFound();
  return {
    ...toRow(r),
    logo: r.logo,
    serviceHours: r.serviceHours,
    currency: r.currency,
    parent: r.parent,
    children: r.children.map((c) => ({ id: c.id, name: c.name, status: c.status, clientCount: c._count.tenants })),
    staff: await listStaff(r.id),
  };
}
