import type { Db } from "@/server/shared/db";
import { hashPassword } from "@/server/auth/password";
import { DEMO_OPERATOR_TOTP_SECRET, DEMO_ORGS, demoAccount, type DemoAccount } from "./demo-accounts";
import { sealSecret } from "@/server/auth/totp/seal-secret";
import { clock } from "@/server/shared/clock";
import { DEMO_PLANS } from "./plans";
import { env } from "@/server/shared/env";
import { seedDemoBilling } from "./demo-billing";
import { seedDemoConsole } from "./demo-console";
import { seedDemoSla } from "./demo-sla";
import { seedDemoAnnouncements } from "./demo-announcements";

// Creates the demo data when it is missing and never changes what exists: running it again
// adds nothing, and a demo password someone changed stays changed. Rows are found by their
// natural keys: plans by code, people by e-mail, and each organisation through the e-mail of
// the demo account that belongs to it (organisation names are not unique).

export type SeedLog = (line: string) => void;

const demoOperatorTotp = () => ({ totpSecret: sealSecret(DEMO_OPERATOR_TOTP_SECRET), totpEnabledAt: clock.now(), totpPendingSecret: null });

export async function seedDemoData(db: Db, log: SeedLog = () => {}): Promise<{ created: string[] }> {
  const created: string[] = [];
  const note = (what: string, isNew: boolean) => {
    if (isNew) created.push(what);
    log(`${isNew ? "created" : "exists "} ${what}`);
  };

  for (const plan of DEMO_PLANS) {
    const isNew = !(await db.plan.findUnique({ where: { code: plan.code }, select: { id: true } }));
    if (isNew) await db.plan.upsert({ where: { code: plan.code }, create: plan, update: {} });
    note(`plan ${plan.code}`, isNew);
  }

  const operator = demoAccount(null);
  const operatorIsNew = !(await findUser(db, operator));
  if (operatorIsNew) {
    const { email, name, role } = operator;
    await db.user.upsert({ where: { email }, create: { email, name, role, passwordHash: await hashPassword(operator.password), ...demoOperatorTotp() }, update: {} });
  } else {
    // A database seeded before operators needed a second factor: enrol the demo operator with the
    // README's secret rather than sending it to the enrolment page.
    await db.user.updateMany({ where: { email: operator.email, totpEnabledAt: null }, data: demoOperatorTotp() });
  }
  note(`operator ${operator.email}`, operatorIsNew);

  const reseller = demoAccount("reseller");
  let resellerId = (await findUser(db, reseller))?.resellerId;
  note(`reseller ${DEMO_ORGS.reseller.name} with ${reseller.email}`, !resellerId);
  if (!resellerId) {
    const passwordHash = await hashPassword(reseller.password);
    resellerId = await db.$transaction(async (tx) => {
      const org = await tx.reseller.create({
        data: {
          name: DEMO_ORGS.reseller.name,
          contactName: reseller.name,
          contactEmail: reseller.email,
          contactPhone: "+86 10 6552 0188",
          serviceHours: "周一至周日 8:00–22:00",
          // 20 % off list, up to ¥50,000.00 owed: enough to order for clients on account.
          discountBps: 2000,
          creditLimit: 5_000_000n,
        },
      });
      await tx.user.create({ data: userData(reseller, passwordHash, { resellerId: org.id }) });
      return org.id;
    });
  }

  const sub = demoAccount("subReseller");
  const subIsNew = !(await findUser(db, sub))?.resellerId;
  note(`sub-reseller ${DEMO_ORGS.subReseller.name} with ${sub.email}`, subIsNew);
  if (subIsNew) {
    const passwordHash = await hashPassword(sub.password);
    await db.$transaction(async (tx) => {
      const org = await tx.reseller.create({
        data: { name: DEMO_ORGS.subReseller.name, parentId: resellerId, contactName: sub.name, contactEmail: sub.email, contactPhone: "+86 512 6878 0263", discountBps: 1500, creditLimit: 1_000_000n },
      });
      await tx.user.create({ data: userData(sub, passwordHash, { resellerId: org.id }) });
    });
  }

  for (const [org, parent] of [
    ["resellerClient", resellerId],
    ["directTenant", null],
  ] as const) {
    const admin = demoAccount(org);
    const isNew = !(await findUser(db, admin))?.tenantId;
    note(`tenant ${DEMO_ORGS[org].name}${parent ? " (client of the reseller)" : ""} with ${admin.email}`, isNew);
    if (!isNew) continue;
    const passwordHash = await hashPassword(admin.password);
    await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({ data: { name: DEMO_ORGS[org].name, resellerId: parent, timeZone: env().TZ_DEFAULT } });
      await tx.user.create({ data: userData(admin, passwordHash, { tenantId: tenant.id }) });
    });
  }
  if (await seedDemoBilling(db, log)) created.push("demo subscription");
  if (await seedDemoConsole(db, log)) created.push("demo domain and mailbox");
  // After the subscription: the demo SLA month is one the client paid for.
  if (await seedDemoSla(db, log)) created.push("demo SLA month");
  if (await seedDemoAnnouncements(db, log)) created.push("demo announcement");
  return { created };
}

/** The demo account's row; refuses one that exists with another role (the seed would link it wrongly). */
async function findUser(db: Db, account: DemoAccount) {
  const user = await db.user.findUnique({ where: { email: account.email }, select: { role: true, tenantId: true, resellerId: true } });
  if (user && user.role !== account.role) {
    throw new Error(`${account.email} exists with role ${user.role}, but the demo data needs it as ${account.role}; rename or remove that user`);
  }
  return user;
}

function userData(account: DemoAccount, passwordHash: string, link: { tenantId?: string; resellerId?: string }) {
  return { email: account.email, name: account.name, role: account.role, passwordHash, ...link };
}
