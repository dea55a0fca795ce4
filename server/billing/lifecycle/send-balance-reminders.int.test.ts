import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { setClock } from "@/server/shared/clock";
import { resetEnvCache } from "@/server/shared/env";
import { closeMailer } from "@/server/shared/mailer";
import { startSmtpSink, type SmtpSink } from "@/server/test/smtp-sink";
import { PENDING, RETRY_AFTER_MS } from "./claim-reminder";
import { chargeFor, seedTenant, shanghaiMorning, topUp } from "./lifecycle-test-fixtures";
import { sendBalanceReminders } from "./send-balance-reminders";

// The reminders tick against a real SMTP listener, the clock pinned to Shanghai mornings. Each
// tenant: ¥2,000 a month from May 2026, ¥5,000 paid: May and June paid, ¥1,000 left, so the
// balance runs out on 2026-07-01 unless topped up.
let sink: SmtpSink;
let restoreClock: (() => void) | undefined;

const pin = (at: Date) => {
  restoreClock?.();
  restoreClock = setClock(at);
};
const on = (day: string) => pin(shanghaiMorning(day));
const useSmtp = (url: string) => {
  process.env.SMTP_URL = url;
  resetEnvCache();
};
const mailTo = (emails: string[]) => sink.messages.filter((m) => m.to.some((a) => emails.includes(a)));
const rowsOf = (tenantId: string) =>
  db.billingReminder.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { daysBefore: true, runsOutOn: true, recipients: true } });

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.PUBLIC_URL = "https://portal.example.test/";
  useSmtp(sink.url);
});
afterEach(async () => {
  // The billing run would have suspended these tenants by now; it keeps the next test's tick to its own tenants.
  await db.tenant.updateMany({ where: { status: "active" }, data: { status: "suspended", suspendedReason: "non_payment" } });
  sink.messages.length = 0;
  useSmtp(sink.url);
});
afterAll(async () => {
  restoreClock?.();
  closeMailer();
  await sink.close();
});

describe("balance reminders", () => {
  it("sends exactly one e-mail at 30, 7 and 1 days before the run-out day, to the active administrators", async () => {
    const t = await seedTenant({ name: "甲公司", payment: 500_000, charged: ["2026-05"], admins: ["ann", "bob", "cat-off"] });
    await seedTenant({ startMonth: null, admins: ["other"] }); // another tenant's admin: never a recipient

    on("2026-05-31"); // June not charged yet; 31 days left
    expect(await sendBalanceReminders()).toMatchObject({ sent: 0 });

    on("2026-06-01");
    await chargeFor(t.tenantId, "2026-06");
    expect(await sendBalanceReminders()).toEqual({ checked: 1, sent: 1, failed: 0 });
    expect(await sendBalanceReminders()).toEqual({ checked: 1, sent: 0, failed: 0 }); // same day, again
    const [first] = mailTo(t.emails);
    expect(first).toMatchObject({ from: "billing@mailstead.local", to: t.emails });
    expect(first!.subject).toBe("【Mailstead】余额将于 2026-07-01 用尽，还剩 30 天 / Your balance runs out on 2026-07-01 (30 days left)");
    for (const fact of ["甲公司", "¥1,000.00", "2026-06-30", "2026-07-01", "https://portal.example.test/console/billing"]) expect(first!.text).toContain(fact);
    expect(first!.text.indexOf("您好")).toBeLessThan(first!.text.indexOf("Hello"));

    for (const day of ["2026-06-02", "2026-06-15", "2026-06-23"]) {
      on(day);
      expect(await sendBalanceReminders(), day).toMatchObject({ sent: 0 });
    }
    on("2026-06-24");
    expect(await sendBalanceReminders()).toMatchObject({ sent: 1 });
    expect(await sendBalanceReminders()).toMatchObject({ sent: 0 });
    on("2026-06-30");
    expect(await sendBalanceReminders()).toMatchObject({ sent: 1 });
    on("2026-07-01"); // run out: the monthly run suspends it, no more reminders
    expect(await sendBalanceReminders()).toMatchObject({ sent: 0 });

    expect(mailTo(t.emails).map((m) => m.subject.match(/还剩 (\d+) 天/)![1])).toEqual(["30", "7", "1"]);
    expect(await rowsOf(t.tenantId)).toEqual([
      { daysBefore: 30, runsOutOn: "2026-07-01", recipients: 2 },
      { daysBefore: 7, runsOutOn: "2026-07-01", recipients: 2 },
      { daysBefore: 1, runsOutOn: "2026-07-01", recipients: 2 },
    ]);
  });

  it("sends once when several ticks run at the same time", async () => {
    const t = await seedTenant({ payment: 500_000, charged: ["2026-05", "2026-06"] });
    on("2026-06-24");
    const results = await Promise.all(Array.from({ length: 5 }, () => sendBalanceReminders()));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(mailTo(t.emails)).toHaveLength(1);
    expect(await rowsOf(t.tenantId)).toEqual([{ daysBefore: 7, runsOutOn: "2026-07-01", recipients: 1 }]);
  });

  it("sends the 7-day reminder, not a late 30-day one, and starts over when a top-up moves the run-out day", async () => {
    const t = await seedTenant({ payment: 500_000, charged: ["2026-05", "2026-06"] });
    on("2026-06-26"); // 5 days left, never reminded
    await sendBalanceReminders();
    expect(mailTo(t.emails).map((m) => m.subject)).toEqual([expect.stringContaining("还剩 5 天")]);
    expect(await rowsOf(t.tenantId)).toEqual([{ daysBefore: 7, runsOutOn: "2026-07-01", recipients: 1 }]);

    await topUp(t.tenantId, 200_000); // July paid too: runs out on 2026-08-01, 36 days away
    expect(await sendBalanceReminders()).toMatchObject({ sent: 0 });
    on("2026-07-02");
    await chargeFor(t.tenantId, "2026-07");
    await sendBalanceReminders();
    expect(mailTo(t.emails).map((m) => m.subject)).toEqual([
      expect.stringContaining("还剩 5 天"),
      expect.stringContaining("余额将于 2026-08-01 用尽，还剩 30 天"),
    ]);
    expect((await rowsOf(t.tenantId)).map((r) => `${r.daysBefore}@${r.runsOutOn}`)).toEqual(["7@2026-07-01", "30@2026-08-01"]);
  });

  it("leaves out suspended tenants, tenants without an active subscription, and balances that last", async () => {
    const suspended = await seedTenant({ status: "suspended", payment: 500_000, charged: ["2026-05", "2026-06"] });
    const pending = await seedTenant({ payment: 500_000 });
    await db.subscription.update({ where: { id: pending.subscriptionId! }, data: { status: "pending", billingStartMonth: null } });
    const rich = await seedTenant({ payment: 10_000_000, charged: ["2026-05", "2026-06"] });
    on("2026-06-24");
    expect(await sendBalanceReminders()).toEqual({ checked: 1, sent: 0, failed: 0 });
    expect(mailTo([...suspended.emails, ...pending.emails, ...rich.emails])).toEqual([]);
  });

  it("records a reminder with no recipients when the tenant has no active administrator", async () => {
    const t = await seedTenant({ payment: 500_000, charged: ["2026-05", "2026-06"], admins: ["gone-off"] });
    on("2026-06-30");
    expect(await sendBalanceReminders()).toMatchObject({ sent: 1 });
    expect(sink.messages).toEqual([]);
    expect(await rowsOf(t.tenantId)).toEqual([{ daysBefore: 1, runsOutOn: "2026-07-01", recipients: 0 }]);
  });

  it("keeps a refused reminder pending and sends it on a tick after the retry delay", async () => {
    const t = await seedTenant({ payment: 500_000, charged: ["2026-05", "2026-06"] });
    const refusing = await startSmtpSink({ refuse: { code: 451, message: "4.3.0 Try again later" } });
    try {
      const at = shanghaiMorning("2026-06-24");
      pin(at);
      useSmtp(refusing.url);
      expect(await sendBalanceReminders()).toEqual({ checked: 1, sent: 0, failed: 1 });
      expect(await rowsOf(t.tenantId)).toEqual([{ daysBefore: 7, runsOutOn: "2026-07-01", recipients: PENDING }]);

      useSmtp(sink.url);
      pin(new Date(at.getTime() + RETRY_AFTER_MS - 1000));
      expect(await sendBalanceReminders()).toMatchObject({ sent: 0, failed: 0 }); // its claim is still fresh
      pin(new Date(at.getTime() + RETRY_AFTER_MS));
      expect(await sendBalanceReminders()).toMatchObject({ sent: 1, failed: 0 });
      expect(mailTo(t.emails)).toHaveLength(1);
      expect(await rowsOf(t.tenantId)).toEqual([{ daysBefore: 7, runsOutOn: "2026-07-01", recipients: 1 }]);
    } finally {
      closeMailer();
      await refusing.close();
    }
  });

  it("walks all tenants in batches", async () => {
    const tenants = await Promise.all(Array.from({ length: 5 }, () => seedTenant({ payment: 500_000, charged: ["2026-05", "2026-06"] })));
    on("2026-06-30");
    expect(await sendBalanceReminders({ batchSize: 2 })).toEqual({ checked: 5, sent: 5, failed: 0 });
    for (const t of tenants) expect(mailTo(t.emails)).toHaveLength(1);
  });
});
