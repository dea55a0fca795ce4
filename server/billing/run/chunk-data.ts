import { Prisma } from "@/server/generated/prisma/client.ts";
import type { Tx } from "../ledger/money-transaction";
import type { Month } from "../rules/months";
import type { ScheduledChange, ServiceState } from "../rules/service-terms";
import { CANDIDATE_FROM, candidateWhere } from "./run-candidates";

// Everything one chunk needs, read with one query per kind of row (not one per tenant) after the
// chunk's tenants are locked, so what is read is what no other writer can change until commit.

/** One tenant's service as the rules see it (what loadService gives the single-tenant path). */
export type ChunkService = {
  tenantId: string;
  subscriptionId: string;
  planId: string;
  currency: string;
  state: ServiceState;
  scheduled: { id: string; toPlanId: string; change: ScheduledChange } | null;
};

export type ChunkData = {
  services: ChunkService[];
  /** Tenants already charged for the month or a later one: the run leaves them alone. */
  alreadyCharged: Set<string>;
  /** Balance in fen per tenant (absent: no entries, balance 0). */
  balances: Map<string, number>;
};

/** Locks the tenants' rows in id order (the same order in every run, so two runs never deadlock). */
export async function lockTenants(tx: Tx, ids: string[]): Promise<void> {
  await tx.$queryRaw`SELECT id FROM Tenant WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
}

type ServiceRow = {
  tenantId: string;
  subscriptionId: string;
  planId: string;
  currency: string;
  seats: number;
  pricePerSeatYear: number;
  termEndMonth: string | null;
  planPrice: number;
};

type ResizeRow = {
  id: string;
  subscriptionId: string;
  toPlanId: string;
  toSeats: number;
  pricePerSeatYear: number;
  effectiveMonth: string;
  toPlanPrice: number;
};

/** Reads the chunk's services, charges and balances; the caller holds the tenants' locks. */
export async function loadChunk(tx: Tx, ids: string[], month: Month, zones: string[]): Promise<ChunkData> {
  const idList = Prisma.join(ids);
  // The candidate condition again, now under the locks: a tenant suspended or cancelled since
  // the ids were read drops out here.
  const rows = await tx.$queryRaw<ServiceRow[]>`
    SELECT t.id AS tenantId, s.id AS subscriptionId, s.planId, s.currency, s.seats, s.pricePerSeatYear, s.termEndMonth,
           p.pricePerSeatYear AS planPrice
    ${CANDIDATE_FROM} JOIN Plan p ON p.id = s.planId
    WHERE t.id IN (${idList}) AND ${candidateWhere(month, zones)}
    ORDER BY t.id, s.createdAt DESC`;
  const charged = await tx.$queryRaw<{ tenantId: string }[]>`
    SELECT DISTINCT tenantId FROM LedgerEntry
    WHERE tenantId IN (${idList}) AND kind = 'monthly_charge' AND billingMonth >= ${month}`;
  const alreadyCharged = new Set(charged.map((r) => r.tenantId));

  // One subscription per tenant (the newest, as loadService picks it).
  const seen = new Set<string>();
  const live = rows.filter((r) => !alreadyCharged.has(r.tenantId) && !seen.has(r.tenantId) && seen.add(r.tenantId));
  if (live.length === 0) return { services: [], alreadyCharged, balances: new Map() };

  const liveIds = Prisma.join(live.map((r) => r.tenantId));
  const balanceRows = await tx.$queryRaw<{ tenantId: string; balance: bigint | number | string }[]>`
    SELECT tenantId, CAST(SUM(amount) AS SIGNED) AS balance FROM LedgerEntry WHERE tenantId IN (${liveIds}) GROUP BY tenantId`;
  const balances = new Map(balanceRows.map((r) => [r.tenantId, Number(BigInt(r.balance))]));

  // A change due by this month; one scheduled change per subscription (scheduleResize refuses a second).
  const resizeRows = await tx.$queryRaw<ResizeRow[]>`
    SELECT r.id, r.subscriptionId, r.toPlanId, r.toSeats, r.pricePerSeatYear, r.effectiveMonth, p.pricePerSeatYear AS toPlanPrice
    FROM ResizeChange r JOIN Plan p ON p.id = r.toPlanId
    WHERE r.subscriptionId IN (${Prisma.join(live.map((r) => r.subscriptionId))}) AND r.status = 'scheduled' AND r.effectiveMonth <= ${month}
    ORDER BY r.subscriptionId, r.id`;
  const resizes = new Map<string, ResizeRow>();
  for (const r of resizeRows) if (!resizes.has(r.subscriptionId)) resizes.set(r.subscriptionId, r);

  const services = live.map((r): ChunkService => {
    const resize = resizes.get(r.subscriptionId);
    return {
      tenantId: r.tenantId,
      subscriptionId: r.subscriptionId,
      planId: r.planId,
      currency: r.currency,
      state: { seats: r.seats, pricePerSeatYear: r.pricePerSeatYear, termEndMonth: r.termEndMonth, renewalPricePerSeatYear: r.planPrice },
      scheduled: resize
        ? {
            id: resize.id,
            toPlanId: resize.toPlanId,
            change: {
              effectiveMonth: resize.effectiveMonth,
              seats: resize.toSeats,
              pricePerSeatYear: resize.pricePerSeatYear,
              renewalPricePerSeatYear: resize.toPlanPrice,
            },
          }
        : null,
    };
  });
  return { services, alreadyCharged, balances };
}
