// Shared by the lifecycle integration tests: tenants with a plan, an active subscription, a
// balance and administrators who can really sign in. Not imported by application code.
import { randomUUID } from "node:crypto";
import { db } from "@/server/shared/db";
import { hashPassword } from "@/server/auth/password";
import type { AuditActor } from "@/server/audit/record-audit";
import { appendLedgerEntry } from "../ledger/append-ledger-entry";
import { moneyTransaction } from "../ledger/money-transaction";
import { addMonths } from "../rules/months";
import { chargeKey } from "../subscriptions/charge-month";

/** 120 seats × ¥200 per seat-year: ¥2,000.00 (200,000 fen) every month, no December remainder. */
export const SEATS = 120;
export const PRICE = 20_000;
export const MONTHLY_FEE = 200_000;
export const PASSWORD = "Right#Pass1";

export const operatorActor: AuditActor = { id: "ops", email: "ops@example.test", role: "operator", tenantId: null, ip: "127.0.0.1" };

let passwordHash: string | undefined;

export type TenantSeed = {
  name?: string;
  status?: "active" | "suspended" | "frozen";
  suspendedReason?: "non_payment" | "operator" | null;
  /** First billed month; null: no subscription at all. */
  startMonth?: string | null;
  /** Payment into the ledger, in fen. */
  payment?: number;
  /** Months already charged (the billing run's entries). */
  charged?: string[];
  /** Local parts of the administrators' addresses; "-off" suffix makes a disabled one. */
  admins?: string[];
};

/** A tenant as the billing run would have left it; returns its id, plan, subscription and admin e-mails. */
export async function seedTenant(seed: TenantSeed = {}) {
  const tag = randomUUID().slice(0, 8);
  passwordHash ??= await hashPassword(PASSWORD);
  const status = seed.status ?? "active";
  const tenant = await db.tenant.create({
    data: {
      name: seed.name ?? `Tenant ${tag}`,
      status,
      suspendedReason: status === "active" ? null : (seed.suspendedReason ?? "non_payment"),
      suspendedAt: status === "active" ? null : new Date("2026-01-01T00:00:00Z"),
    },
  });
  const plan = await db.plan.create({
    data: { code: `p-${tag}`, name: "Std", pricePerSeatYear: PRICE, mailboxQuotaMb: 1024, attachmentLimitMb: 30, largeAttachmentLimitMb: 2048 },
  });
  const start = seed.startMonth === undefined ? "2026-05" : seed.startMonth;
  const subscription = start
    ? await db.subscription.create({
        data: {
          tenantId: tenant.id,
          planId: plan.id,
          seats: SEATS,
          pricePerSeatYear: PRICE,
          currency: "CNY",
          status: "active",
          billingStartMonth: start,
          termEndMonth: addMonths(start, 12),
          paidAt: new Date("2026-01-01T00:00:00Z"),
        },
      })
    : null;
  if (seed.payment) await topUp(tenant.id, seed.payment);
  for (const month of seed.charged ?? []) await chargeFor(tenant.id, month);
  const emails: string[] = [];
  for (const local of seed.admins ?? ["admin"]) {
    const email = `${local}-${tag}@example.test`;
    const disabled = local.endsWith("-off");
    await db.user.create({ data: { email, name: local, passwordHash, role: "tenant_admin", tenantId: tenant.id, status: disabled ? "disabled" : "active" } });
    if (!disabled) emails.push(email);
  }
  return { tenantId: tenant.id, planId: plan.id, subscriptionId: subscription?.id ?? null, emails: emails.sort() };
}

/** A payment into the ledger, as a paid order or top-up would write it. */
export function topUp(tenantId: string, amount: number) {
  return moneyTransaction((tx) =>
    appendLedgerEntry(tx, { tenantId, kind: "payment", amount, currency: "CNY", idempotencyKey: `test-pay:${randomUUID()}` }),
  );
}

/** The month's charge, exactly as the billing run writes it (same idempotency key). */
export function chargeFor(tenantId: string, month: string, amount = MONTHLY_FEE) {
  return moneyTransaction((tx) =>
    appendLedgerEntry(tx, { tenantId, kind: "monthly_charge", amount: -amount, currency: "CNY", idempotencyKey: chargeKey(tenantId, month), billingMonth: month, reference: month }),
  );
}

/** A Shanghai morning (10:00) of a calendar day, as an instant. */
export const shanghaiMorning = (day: string) => new Date(`${day}T02:00:00Z`);
