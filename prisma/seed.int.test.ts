import { describe, expect, it } from "vitest";
import { db } from "@/server/shared/db";
import { verifyPassword, hashPassword } from "@/server/auth/password";
import { DEMO_ACCOUNTS, DEMO_ORGS, DEMO_PASSWORD } from "./seed/demo-accounts";
import { seedDemoData } from "./seed/seed-demo-data";
import { DEMO_DOMAIN, DEMO_MAILBOX } from "./seed/demo-console";
import { DEMO_OUTAGE_MINUTES, DEMO_SLA_LOCATION, demoSlaMonth } from "./seed/demo-sla";
import { monthlyFee } from "@/server/billing/rules/fees";
import { monthBounds } from "@/server/sla/rules/intervals";

const counts = async () => ({
  plans: await db.plan.count(),
  resellers: await db.reseller.count(),
  tenants: await db.tenant.count(),
  users: await db.user.count(),
});

describe("the demo seed", () => {
  it("creates the demo organisations, accounts and plans", async () => {
    const { created } = await seedDemoData(db);
    expect(created).toHaveLength(11); // 2 plans, the operator, the reseller, its sub-reseller, 2 tenants, the demo subscription, the demo domain and mailbox, the demo SLA month, the demo announcement
    expect(await counts()).toEqual({ plans: 2, resellers: 2, tenants: 2, users: 5 });

    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { tenant: true, reseller: true } });
      expect(user.role).toBe(account.role);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
      const org = account.org ? DEMO_ORGS[account.org].name : null;
      expect(user.tenant?.name ?? user.reseller?.name ?? null).toBe(org);
    }

    const client = await db.tenant.findFirstOrThrow({ where: { name: DEMO_ORGS.resellerClient.name }, include: { reseller: true } });
    expect(client.reseller?.name).toBe(DEMO_ORGS.reseller.name);
    const direct = await db.tenant.findFirstOrThrow({ where: { name: DEMO_ORGS.directTenant.name } });
    expect(direct.resellerId).toBeNull();
    expect(direct.timeZone).toBe("Asia/Shanghai");

    // The reseller's client paid 50 seats × 200 CNY for a year through the real order path.
    const sub = await db.subscription.findFirstOrThrow({ where: { tenantId: client.id } });
    expect(sub).toMatchObject({ status: "active", seats: 50, pricePerSeatYear: 20_000 });
    const paid = await db.ledgerEntry.aggregate({ where: { tenantId: client.id, kind: "payment" }, _sum: { amount: true } });
    expect(paid._sum.amount).toBe(1_000_000n);
    expect(await db.subscription.count({ where: { tenantId: direct.id } })).toBe(0);

    // The client's console has a domain, a department and a mailbox that can sign in.
    const mailbox = await db.mailbox.findUniqueOrThrow({ where: { address: DEMO_MAILBOX }, include: { department: true, domain: true } });
    expect(mailbox).toMatchObject({ tenantId: client.id, displayName: "张三", mustChangePassword: true, department: { name: "销售部" }, domain: { name: DEMO_DOMAIN, state: "unverified" } });
    expect(await verifyPassword(mailbox.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await db.mailAddress.count({ where: { mailboxId: mailbox.id } })).toBe(1);
  }, 60_000); // the demo SLA month: a month of samples, its days sealed, the real close

  it("closes last month of the reseller's client with the 50-minute outage: availability breached, a credit proposed", async () => {
    const client = await db.tenant.findFirstOrThrow({ where: { name: DEMO_ORGS.resellerClient.name } });
    const month = demoSlaMonth(client.timeZone);
    // The service covered the month and was charged for it through the billing path.
    const sub = await db.subscription.findFirstOrThrow({ where: { tenantId: client.id } });
    expect(sub.billingStartMonth).toBe(month);
    const fee = monthlyFee(50, 20_000, month);
    const charge = await db.ledgerEntry.findFirstOrThrow({ where: { tenantId: client.id, kind: "monthly_charge", billingMonth: month } });
    expect(charge.amount).toBe(BigInt(-fee));

    const sla = await db.slaMonth.findUniqueOrThrow({ where: { tenantId_month: { tenantId: client.id, month } } });
    expect(sla).toMatchObject({ status: "breached", interruptionMinutes: DEMO_OUTAGE_MINUTES, breaches: 1 });
    expect(sla.digest).not.toBeNull(); // the days were sealed before the close
    const breaches = await db.slaBreach.findMany({ where: { tenantId: client.id, month } });
    expect(breaches.map((b) => b.promise)).toEqual(["availability"]);
    const credit = await db.slaCredit.findUniqueOrThrow({ where: { tenantId_month: { tenantId: client.id, month } } });
    expect(credit).toMatchObject({ status: "proposed", failureMinutes: DEMO_OUTAGE_MINUTES, creditMinutes: 2 * DEMO_OUTAGE_MINUTES, monthFee: BigInt(fee), capAmount: BigInt(fee) });
    expect(credit.proposedAmount).toBe(BigInt(Math.round((fee * 2 * DEMO_OUTAGE_MINUTES) / 43_200)));
    // The labelled samples give the filtering promises their evidence; latency has none (no mail).
    const figures = sla.figures as { promises: Record<string, { met: boolean | null }> };
    expect(figures.promises.spamCaught!.met).toBe(true);
    expect(figures.promises.virusRemoved!.met).toBe(true);
    expect(figures.promises.sendLatency!.met).toBeNull();
    // The direct tenant has no subscription: its month is not closed.
    const direct = await db.tenant.findFirstOrThrow({ where: { name: DEMO_ORGS.directTenant.name } });
    expect(await db.slaMonth.count({ where: { tenantId: direct.id } })).toBe(0);
    // One sample a minute per probe from the month's first minute in the tenant's zone; the
    // outage on the 12th from 14:00 local time.
    const first = await db.probeSample.findFirstOrThrow({ where: { location: DEMO_SLA_LOCATION }, orderBy: { at: "asc" } });
    expect(first.at.toISOString()).toBe(new Date(monthBounds(month, client.timeZone).start + 7_000).toISOString());
    const failed = await db.probeSample.findMany({ where: { location: DEMO_SLA_LOCATION, ok: false }, orderBy: { at: "asc" } });
    expect(failed).toHaveLength(DEMO_OUTAGE_MINUTES);
    expect(failed[0]!.at.toLocaleString("sv-SE", { timeZone: client.timeZone })).toBe(`${month}-12 14:00:07`);
  });

  it("prices the standard plan as seed 002 does: 5 seats for 1,000 CNY a year", async () => {
    const std = await db.plan.findUniqueOrThrow({ where: { code: "std-263" } });
    expect(std).toMatchObject({
      name: "标准版 Standard",
      pricePerSeatYear: 20_000,
      currency: "CNY",
      mailboxQuotaMb: 263 * 1024,
      mailboxMessageLimit: 50_000,
      attachmentLimitMb: 30,
      largeAttachmentLimitMb: 2048,
      aliasesPerMailbox: 5,
      domainsPerTenant: 5,
      dailySendLimit: 1000,
      active: true,
    });
    expect(5 * std.pricePerSeatYear).toBe(100_000); // fen
    const pro = await db.plan.findUniqueOrThrow({ where: { code: "pro-263" } });
    expect(pro.pricePerSeatYear).toBeGreaterThan(std.pricePerSeatYear);
    expect(pro.mailboxQuotaMb).toBeGreaterThan(std.mailboxQuotaMb);
  });

  it("adds and changes nothing when run again, keeping a password someone changed", async () => {
    const ops = DEMO_ACCOUNTS.find((a) => a.role === "operator")!;
    await db.user.update({ where: { email: ops.email }, data: { passwordHash: await hashPassword("Changed#2027") } });
    const snapshot = async () => ({
      plans: await db.plan.findMany({ orderBy: { code: "asc" } }),
      resellers: await db.reseller.findMany({ orderBy: { id: "asc" } }),
      tenants: await db.tenant.findMany({ orderBy: { id: "asc" } }),
      users: await db.user.findMany({ orderBy: { email: "asc" } }),
      mailboxes: await db.mailbox.findMany({ orderBy: { address: "asc" } }),
      domains: await db.domain.count(),
      ledger: await db.ledgerEntry.count(),
      samples: await db.probeSample.count(),
      slaMonths: await db.slaMonth.findMany({ orderBy: { id: "asc" } }),
      credits: await db.slaCredit.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();

    const { created } = await seedDemoData(db);
    expect(created).toEqual([]);
    expect(await snapshot()).toEqual(before);
    const user = await db.user.findUniqueOrThrow({ where: { email: ops.email } });
    expect(await verifyPassword(user.passwordHash, "Changed#2027")).toBe(true);
  });

  it("refuses to adopt an existing user of another role under a demo e-mail", async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.org === "directTenant")!;
    await db.user.update({ where: { email: admin.email }, data: { role: "operator" } });
    await expect(seedDemoData(db)).rejects.toThrow(`${admin.email} exists with role operator`);
    await db.user.update({ where: { email: admin.email }, data: { role: "tenant_admin" } });
  });
});
