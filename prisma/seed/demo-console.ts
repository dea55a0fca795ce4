import type { AuditActor } from "@/server/audit/record-audit";
import type { Db } from "@/server/shared/db";
import { addDomain } from "@/server/domains/add-domain";
import { createDepartment } from "@/server/tenants/departments/create-department";
import { createMailbox } from "@/server/tenants/mailboxes/create-mailbox";
import { DEMO_PASSWORD, demoAccount } from "./demo-accounts";
import type { SeedLog } from "./seed-demo-data";

/** The demo client's domain; unverified until someone walks through the wizard (in sandbox mode, offline). */
export const DEMO_DOMAIN = "xinghe-trade.com";
/** A mailbox of it, for the mailbox users' sign-in ("邮箱用户"); its user must replace the password at first sign-in. */
export const DEMO_MAILBOX = `zhang.san@${DEMO_DOMAIN}`;

/**
 * The reseller's client (it has 50 paid seats) gets a domain, a department and one mailbox,
 * created through the console's own use cases, so the console and the mailbox sign-in have
 * something to show. Only while the tenant has no domain yet: never repeats, never changes what
 * someone made of it.
 */
export async function seedDemoConsole(db: Db, log: SeedLog): Promise<boolean> {
  const admin = await db.user.findUnique({ where: { email: demoAccount("resellerClient").email }, select: { id: true, email: true, tenantId: true } });
  if (!admin?.tenantId) return false;
  const tenantId = admin.tenantId;
  if (await db.domain.findFirst({ where: { tenantId }, select: { id: true } })) {
    log("exists  domain and mailbox of the reseller's client");
    return false;
  }
  const actor: AuditActor = { id: admin.id, email: admin.email, role: "tenant_admin", tenantId, ip: null };
  const domain = await addDomain(actor, tenantId, { name: DEMO_DOMAIN });
  const sales = await createDepartment(actor, tenantId, { name: "销售部", parentId: null });
  await createMailbox(actor, tenantId, {
    domainId: domain.id,
    localPart: "zhang.san",
    displayName: "张三",
    departmentId: sales.id,
    status: "active",
    password: DEMO_PASSWORD,
    mobile: null,
  });
  log(`created domain ${DEMO_DOMAIN}, department 销售部 and mailbox ${DEMO_MAILBOX} of the reseller's client`);
  return true;
}
