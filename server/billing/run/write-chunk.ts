import { Prisma } from "@/server/generated/prisma/client.ts";
import type { Tx } from "../ledger/money-transaction";
import { chargeKey } from "../subscriptions/charge-month";
import type { Month } from "../rules/months";
import type { ChargeDecision, SuspendDecision } from "./decide-chunk";
import { chargeNote } from "../subscriptions/charge-month";

// The chunk's writes, one statement per kind of row: what persistMonthStep and chargeMonth write
// for one tenant, written for a thousand at once.

/** The subscriptions whose resize applied or term renewed this month (persistMonthStep, batched). */
export async function persistSteps(tx: Tx, charges: ChargeDecision[], now: Date): Promise<{ resizesApplied: number; renewals: number }> {
  const moved = charges.filter((c) => c.step.changeApplied || c.step.renewed);
  if (moved.length === 0) return { resizesApplied: 0, renewals: 0 };
  const values = moved.map(({ service, step }, i) => {
    const planId = step.changeApplied && service.scheduled ? service.scheduled.toPlanId : service.planId;
    const s = step.state;
    return i === 0
      ? Prisma.sql`SELECT ${service.subscriptionId} AS id, ${s.seats} AS seats, ${s.pricePerSeatYear} AS price, ${s.termEndMonth} AS termEnd, ${planId} AS planId`
      : Prisma.sql`SELECT ${service.subscriptionId}, ${s.seats}, ${s.pricePerSeatYear}, ${s.termEndMonth}, ${planId}`;
  });
  await tx.$executeRaw`
    UPDATE Subscription s JOIN (${Prisma.join(values, " UNION ALL ")}) v ON v.id = s.id
    SET s.seats = v.seats, s.pricePerSeatYear = v.price, s.termEndMonth = v.termEnd, s.planId = v.planId, s.updatedAt = ${now}`;
  const applied = moved.flatMap((c) => (c.step.changeApplied && c.service.scheduled ? [c.service.scheduled.id] : []));
  if (applied.length > 0) {
    await tx.resizeChange.updateMany({ where: { id: { in: applied }, status: "scheduled" }, data: { status: "applied", appliedAt: now } });
  }
  return { resizesApplied: applied.length, renewals: moved.filter((c) => c.step.renewed).length };
}

/**
 * One multi-row INSERT of the month's charges. The unique idempotency key (chargeKey) makes a
 * second writer's row a no-op; returns how many rows were really written.
 */
export async function insertCharges(tx: Tx, charges: ChargeDecision[], month: Month, now: Date): Promise<number> {
  if (charges.length === 0) return 0;
  // INSERT IGNORE is what createMany({ skipDuplicates: true }) sends to MySQL; written by hand
  // because Prisma's createMany spent ~0.5 s per 1,000 rows building the statement.
  const rows = charges.map(
    ({ service, step, fee }) =>
      Prisma.sql`(${service.tenantId}, 'monthly_charge', ${-fee}, ${service.currency}, ${month}, ${month}, ${chargeKey(service.tenantId, month)}, ${chargeNote(step)}, ${now})`,
  );
  return tx.$executeRaw`
    INSERT IGNORE INTO LedgerEntry (tenantId, kind, amount, currency, reference, billingMonth, idempotencyKey, note, occurredAt)
    VALUES ${Prisma.join(rows)}`;
}

/** Suspends the tenants that cannot pay the month, with one operation-log row each. */
export async function suspendTenants(tx: Tx, suspensions: SuspendDecision[], month: Month, runId: string, now: Date): Promise<number> {
  if (suspensions.length === 0) return 0;
  const ids = suspensions.map((s) => s.service.tenantId);
  const suspended = await tx.$executeRaw`
    UPDATE Tenant SET status = 'suspended', suspendedReason = 'non_payment', suspendedAt = ${now}, updatedAt = ${now}
    WHERE id IN (${Prisma.join(ids)}) AND status = 'active'`;
  // The system acts (no person, no IP), as recordAudit writes it for a system actor; one INSERT
  // for the chunk rather than a row at a time.
  const rows = suspensions.map((s) => {
    const details = JSON.stringify({ reason: "non_payment", month, fee: s.fee, balance: s.balance, runId });
    return Prisma.sql`(${now}, ${s.service.tenantId}, 'tenant.suspend', 'tenant', ${s.service.tenantId}, 'success', ${details})`;
  });
  await tx.$executeRaw`
    INSERT INTO AuditEvent (occurredAt, tenantId, action, targetType, targetId, result, details) VALUES ${Prisma.join(rows)}`;
  return suspended;
}
