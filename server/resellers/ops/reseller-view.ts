import type { Prisma } from "@/server/generated/prisma/client.ts";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import type { ResellerCard, ResellerRow, StaffView } from "./reseller.types";

type Reader = Pick<typeof db, "reseller" | "user" | "accountToken">;

export const ROW_SELECT = {
  id: true,
  name: true,
  parentId: true,
  status: true,
  contactName: true,
  contactPhone: true,
  contactEmail: true,
  discountBps: true,
  creditLimit: true,
  createdAt: true,
  parent: { select: { name: true } },
  _count: { select: { tenants: true, children: true, users: { where: { role: "reseller" as const } } } },
} satisfies Prisma.ResellerSelect;

export type RowRecord = Prisma.ResellerGetPayload<{ select: typeof ROW_SELECT }>;

export function toRow(r: RowRecord): ResellerRow {
  return {
    id: r.id,
    name: r.name,
    parentId: r.parentId,
    parentName: r.parent?.name ?? null,
    status: r.status,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    contactEmail: r.contactEmail,
    clientCount: r._count.tenants,
    subResellerCount: r._count.children,
    staffCount: r._count.users,
    discountBps: r.discountBps,
    creditLimit: Number(r.creditLimit),
    createdAt: r.createdAt,
  };
}

export const toCard = (r: ResellerCard): ResellerCard => ({
  id: r.id,
  name: r.name,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  contactEmail: r.contactEmail,
  logo: r.logo,
  serviceHours: r.serviceHours,
});

/** The reseller's staff accounts, each with its pending invitation's expiry. */
export async function listStaff(resellerId: string, tx: Reader = db): Promise<StaffView[]> {
  const users = await tx.user.findMany({
    where: { resellerId, role: "reseller" },
    select: { id: true, name: true, email: true, status: true, lastLoginAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const pending = await tx.accountToken.findMany({
    where: { userId: { in: users.map((u) => u.id) }, purpose: "invite", usedAt: null, expiresAt: { gt: clock.now() } },
    select: { userId: true, expiresAt: true },
  });
  const expiry = new Map<string, Date>();
  for (const p of pending) if ((expiry.get(p.userId)?.getTime() ?? 0) < p.expiresAt.getTime()) expiry.set(p.userId, p.expiresAt);
  return users.map((u) => ({ ...u, invitationExpiresAt: u.status === "invited" ? (expiry.get(u.id) ?? null) : null }));
}

export async function staffView(userId: string, tx: Reader = db): Promise<StaffView> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { resellerId: true } });
  const all = await listStaff(user.resellerId!, tx);
  return all.find((s) => s.id === userId)!;
}
