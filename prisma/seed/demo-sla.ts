import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { getBalance } from "@/server/billing/ledger/get-balance";
import { lockTenant } from "@/server/billing/ledger/lock-tenant";
import { moneyTransaction } from "@/server/billing/ledger/money-transaction";
import { addMonths, monthOf, monthsBetween } from "@/server/billing/rules/months";
import { chargeMonth } from "@/server/billing/subscriptions/charge-month";
import { loadService } from "@/server/billing/subscriptions/load-service";
import { closeSlaMonth } from "@/server/sla/close/close-month";
import { runSlaTick } from "@/server/sla/rollups/sla-maintenance";
import { MINUTE_MS } from "@/server/sla/rules/constants";
import { monthBounds } from "@/server/sla/rules/intervals";
import { demoAccount } from "./demo-accounts";
import type { SeedLog } from "./seed-demo-data";

// The SLA pages' demo (issue 9): last month of the reseller's client as the probes would have
// seen it — one sample a minute from the MX and the network probe, a 50-minute outage on the
// 12th (more than the 44 minutes the contract allows), a few labelled spam, ham and virus samples
// — then the real month close, so /console/sla shows a breached month and /ops/sla a proposed
// credit to review. Samples are only written into a month nobody has measured yet (a real
// probe's samples, or a sealed day, would make the demo's evidence a lie).

export const DEMO_SLA_LOCATION = "seed-demo";
export const DEMO_OUTAGE_MINUTES = 50;
const OUTAGE_DAY = 12;
const OUTAGE_HOUR_LOCAL = 14; // 14:00 in the tenant's zone: the middle of a working day
const LABELLED: { label: "spam" | "ham" | "virus"; verdict: string; count: number }[] = [
  { label: "spam", verdict: "quarantined", count: 48 },
  { label: "spam", verdict: "delivered", count: 1 },
  { label: "ham", verdict: "delivered", count: 40 },
  { label: "virus", verdict: "rejected", count: 12 },
];

/** The demo month: the calendar month before the one the tenant is in now. */
export const demoSlaMonth = (timeZone: string) => addMonths(monthOf(clock.now(), timeZone), -1);

export async function seedDemoSla(db: Db, log: SeedLog): Promise<boolean> {
  const admin = await db.user.findUnique({ where: { email: demoAccount("resellerClient").email }, select: { tenant: { select: { id: true, timeZone: true } } } });
  const tenant = admin?.tenant;
  if (!tenant) return false;
  const month = demoSlaMonth(tenant.timeZone);
  if (await db.slaMonth.findUnique({ where: { tenantId_month: { tenantId: tenant.id, month } }, select: { month: true } })) {
    log(`exists  SLA month ${month} of the reseller's client`);
    return false;
  }
  if (!(await serveDemoMonth(db, tenant.id, month))) return false;
  const bounds = monthBounds(month, tenant.timeZone);
  const written = await writeDemoSamples(db, bounds);
  // Roll up and seal the finished days, as the SLA maintenance tick does, so the report carries
  // the month's digest and /status has its daily bars.
  if (written) await runSlaTick();
  const closed = await closeSlaMonth({ month, trigger: "cli" });
  log(`created SLA month ${month}: ${written} probe samples, ${closed.breached} breached month(s), ${closed.credits} credit proposal(s)`);
  return true;
}

/**
 * The month is one the client was in service and paid for, or the close proposes nothing: the
 * demo subscription (paid when the seed first ran, billed from the next month) is moved back to
 * start with it, keeping its one-year term, and the month is charged through the billing path.
 */
async function serveDemoMonth(db: Db, tenantId: string, month: string): Promise<boolean> {
  const sub = await db.subscription.findFirst({ where: { tenantId, status: "active" }, orderBy: { createdAt: "desc" } });
  if (!sub) return false;
  if (!sub.billingStartMonth || sub.billingStartMonth > month) {
    const back = sub.billingStartMonth ? monthsBetween(month, sub.billingStartMonth) : 0;
    await db.subscription.update({
      where: { id: sub.id },
      data: { billingStartMonth: month, termEndMonth: sub.termEndMonth ? addMonths(sub.termEndMonth, -back) : addMonths(month, 12) },
    });
  }
  return moneyTransaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const service = await loadService(tenantId, tx);
    if (!service) return false;
    const { charged } = await chargeMonth(tx, { tenantId, service, month, balance: await getBalance(tenantId, tx), now: clock.now(), actor: null });
    return charged;
  });
}

/** Writes the demo's samples unless the month already has samples or sealed days; returns how many. */
async function writeDemoSamples(db: Db, bounds: { start: number; end: number }): Promise<number> {
  const range = { gte: new Date(bounds.start), lt: new Date(bounds.end) };
  const [measured, sealed] = await Promise.all([db.probeSample.findFirst({ where: { at: range }, select: { id: true } }), db.sampleDigest.findFirst({ where: { day: { gte: range.gte } }, select: { day: true } })]);
  if (measured || sealed) return 0;
  const minutes = Math.round((bounds.end - bounds.start) / MINUTE_MS);
  const outageFrom = ((OUTAGE_DAY - 1) * 24 + OUTAGE_HOUR_LOCAL) * 60;
  const outageTo = outageFrom + DEMO_OUTAGE_MINUTES;
  // One INSERT … SELECT per probe over MariaDB's sequence engine (seq_0_to_N): a month of minutes
  // in well under a second, where 90,000 rows through createMany take 15 s and the seed would drag.
  const seq = Prisma.raw(`seq_0_to_${minutes - 1}`);
  const from = new Date(bounds.start);
  const mx = await db.$executeRaw`
    INSERT INTO ProbeSample (probe, target, location, ok, latencyMs, error, at)
    SELECT 'smtp_mx', '127.0.0.1:2525', ${DEMO_SLA_LOCATION},
      NOT (seq >= ${outageFrom} AND seq < ${outageTo}),
      IF(seq >= ${outageFrom} AND seq < ${outageTo}, NULL, 40 + seq % 23),
      IF(seq >= ${outageFrom} AND seq < ${outageTo}, 'connect ECONNREFUSED 127.0.0.1:2525', NULL),
      TIMESTAMPADD(SECOND, seq * 60 + 7, ${from})
    FROM ${seq} ORDER BY seq`;
  const network = await db.$executeRaw`
    INSERT INTO ProbeSample (probe, target, location, ok, latencyMs, error, at)
    SELECT 'network', '127.0.0.1:25', ${DEMO_SLA_LOCATION}, TRUE, 1 + seq % 3, NULL, TIMESTAMPADD(SECOND, seq * 60 + 27, ${from})
    FROM ${seq} ORDER BY seq`;
  // The labelled samples: one an hour from the 2nd of the month on.
  const labelled: Prisma.ProbeSampleCreateManyInput[] = [];
  let at = bounds.start + 24 * 60 * MINUTE_MS + 30 * MINUTE_MS;
  for (const { label, verdict, count } of LABELLED) {
    for (let i = 0; i < count; i++, at += 60 * MINUTE_MS) {
      labelled.push({ probe: label, target: "127.0.0.1:2525", location: DEMO_SLA_LOCATION, ok: true, latencyMs: 300, error: null, at: new Date(at), detail: { label, source: "seed-demo", verdict } });
    }
  }
  await db.probeSample.createMany({ data: labelled });
  return mx + network + labelled.length;
}
