import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import { sendMail } from "@/server/shared/mailer";
import { getPaidThrough } from "../account/get-paid-through";
import { claimReminder, markReminderSent, PENDING, remindersFor } from "./claim-reminder";
import { billingUrl, composeReminderMail } from "./reminder-mail";
import { reminderDue } from "./reminder-schedule";

const log = logger("billing.reminders");
const BATCH = 200;

export type ReminderTickResult = {
  /** Active tenants with an active subscription looked at. */
  checked: number;
  /** Reminders sent (one e-mail each, to all of a tenant's administrators). */
  sent: number;
  /** Reminders claimed but not sent; a later tick retries them (claim-reminder.ts). */
  failed: number;
};

type Candidate = { id: string; name: string; timeZone: string };

/** The addresses of the tenant's active administrators. */
async function adminEmails(tenantId: string): Promise<string[]> {
  const users = await db.user.findMany({
    where: { tenantId, role: "tenant_admin", status: "active" },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return users.map((u) => u.email);
}

async function remindTenant(tenant: Candidate): Promise<"sent" | "failed" | "none"> {
  const { balance, paidThrough, daysLeft, service } = await getPaidThrough(tenant.id, tenant.timeZone);
  const runsOutOn = paidThrough?.runsOutDay;
  if (!paidThrough || !runsOutOn || daysLeft === null) return "none";
  const rows = await remindersFor(tenant.id, runsOutOn);
  const daysBefore = reminderDue(daysLeft, rows.filter((r) => r.recipients !== PENDING).map((r) => r.daysBefore));
  if (daysBefore === null) return "none";
  const now = clock.now();
  const id = await claimReminder({ tenantId: tenant.id, daysBefore, runsOutOn }, rows.find((r) => r.daysBefore === daysBefore), now);
  if (id === null) return "none";

  const to = await adminEmails(tenant.id);
  const where = { tenantId: tenant.id, daysBefore, runsOutOn };
  if (to.length === 0) log.warn("no active administrator to remind; the home banner still shows", where);
  try {
    if (to.length > 0) {
      const mail = composeReminderMail({
        tenantName: tenant.name,
        balance,
        currency: service?.subscription.currency ?? "CNY",
        runsOutDay: runsOutOn,
        paidThroughDay: paidThrough.paidThroughDay,
        daysLeft,
        billingUrl: billingUrl(env().PUBLIC_URL),
      });
      await sendMail({ to, ...mail });
    }
  } catch (e) {
    log.error("balance reminder not sent; a later tick retries it", { ...where, error: (e as Error).message });
    return "failed";
  }
  await markReminderSent(id, to.length, clock.now());
  return "sent";
}

/**
 * The "reminders" billing tick: every active tenant with an active subscription, in id order
 * and batches, gets the reminder its days left call for (reminder-schedule.ts), once. One
 * tenant's failure is logged and counted, and does not stop the others.
 */
export async function sendBalanceReminders(options: { batchSize?: number } = {}): Promise<ReminderTickResult> {
  const take = options.batchSize ?? BATCH;
  const result: ReminderTickResult = { checked: 0, sent: 0, failed: 0 };
  let cursor: string | null = null;
  for (;;) {
    const tenants: Candidate[] = await db.tenant.findMany({
      where: { status: "active", subscriptions: { some: { status: "active" } }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, name: true, timeZone: true },
      orderBy: { id: "asc" },
      take,
    });
    for (const tenant of tenants) {
      result.checked += 1;
      const outcome = await remindTenant(tenant).catch((e: unknown) => {
        log.error("balance reminder check failed", { tenantId: tenant.id, error: (e as Error).message });
        return "failed" as const;
      });
      if (outcome !== "none") result[outcome] += 1;
    }
    if (tenants.length < take) return result;
    cursor = tenants[tenants.length - 1]!.id;
  }
}
