import type { Payload } from "@/server/shared/queues";
import { scheduleBillingRun } from "@/server/billing/run/schedule-billing-run";
import { sendBalanceReminders } from "@/server/billing/lifecycle/send-balance-reminders";
import { purgeFrozenTenants } from "@/server/billing/lifecycle/purge-frozen-tenants";

// The billing tick's tasks. Each task is one entry: its handler and how often it repeats (a cron
// pattern). The billing tick worker runs whichever handler the job names and registers one
// scheduler per entry; a task without an entry here is neither scheduled nor handled.

export type TickTask = Payload<"billingTick">["task"];

export type TickHandler = {
  /** Cron pattern (minute hour day month weekday), in UTC. */
  pattern: string;
  run: () => Promise<unknown>;
};

export const TICK_HANDLERS: Partial<Record<TickTask, TickHandler>> = {
  // Hourly at minute 5: a month begins at midnight in each tenant's zone, and most zones are a
  // whole number of hours from UTC, so the run starts within the first hour of the month.
  monthly_run: { pattern: "5 * * * *", run: () => scheduleBillingRun() },
  // Hourly, so a reminder whose mail failed is retried within the hour (each is sent once per
  // threshold and run-out day whatever the frequency: BillingReminder's unique key).
  reminders: { pattern: "20 * * * *", run: () => sendBalanceReminders() },
  purge: { pattern: "35 * * * *", run: () => purgeFrozenTenants() },
};
