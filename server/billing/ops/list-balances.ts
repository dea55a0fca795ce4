import { Prisma } from "@/server/generated/prisma/client.ts";
import { db } from "@/server/shared/db";
import { loadBillingStates } from "./load-billing-states";
import type { LockedTenant } from "../ledger/lock-tenant";
import type { TenantSummary, TListBalancesRequest, TListBalancesResponse } from "./list-balances.types";

type TenantRow = Pick<LockedTenant, "id" | "name" | "status" | "suspendedReason" | "timeZone"> & Pick<TenantSummary, "frozenUntil" | "purgedAt">;

/** LIKE pattern for "contains", with the user's own % _ \ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const BALANCE = Prisma.sql`COALESCE((SELECT SUM(l.amount) FROM LedgerEntry l WHERE l.tenantId = t.id), 0)`;

/**
 * The sort key in SQL. Days left are approximated by the months the balance covers at the
 * current yearly fee (balance × 12 / yearly fee): exact days need the month-by-month projection,
 * which runs only for the page; the order agrees with it except around a scheduled resize or a
 * renewal at a new price. Tenants without a started subscription have no days left and come last.
 */
function orderBy(sort: TListBalancesRequest["sort"], direction: TListBalancesRequest["direction"]) {
  const dir = Prisma.raw(direction === "desc" ? "DESC" : "ASC");
  if (sort === "balance") return Prisma.sql`${BALANCE} ${dir}, t.name ASC, t.id ASC`;
  if (sort === "daysLeft") return Prisma.sql`(s.id IS NULL) ASC, ${BALANCE} * 12 / (s.seats * s.pricePerSeatYear) ${dir}, t.name ASC, t.id ASC`;
  return Prisma.sql`t.name ${dir}, t.id ${dir}`;
}

/** Every tenant's balance and where it carries the service, for operators; paged and searchable. */
export async function listBalances(request: TListBalancesRequest): Promise<TListBalancesResponse> {
  const { page, pageSize, search, sort, direction } = request;
  const where = search ? Prisma.sql`WHERE t.name LIKE ${containsPattern(search)}` : Prisma.empty;
  const [counted, tenants] = await Promise.all([
    db.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total FROM Tenant t ${where}`,
    db.$queryRaw<TenantRow[]>`
      SELECT t.id, t.name, t.status, t.suspendedReason, t.timeZone, t.frozenUntil, t.purgedAt
      FROM Tenant t
      LEFT JOIN Subscription s ON s.tenantId = t.id AND s.status = 'active' AND s.billingStartMonth IS NOT NULL
      ${where}
      ORDER BY ${orderBy(sort, direction)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const states = await loadBillingStates(tenants);
  return {
    rows: tenants.map((t) => ({
      tenantId: t.id,
      name: t.name,
      status: t.status,
      suspendedReason: t.suspendedReason,
      timeZone: t.timeZone,
      frozenUntil: t.frozenUntil,
      purgedAt: t.purgedAt,
      ...states.get(t.id)!,
    })),
    total: Number(counted[0]?.total ?? 0),
    page,
    pageSize,
  };
}
