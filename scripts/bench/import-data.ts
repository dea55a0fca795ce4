// The bench's data: one tenant with enough paid seats and a domain, and an import file of
// generated rows (UTF-8, the template's header, Chinese names, departments, some mobiles).
import { stringify } from "csv-stringify/sync";
import type { AuditActor } from "@/server/audit/record-audit";
import { db } from "@/server/shared/db";
import { TEMPLATE_HEADER } from "@/server/tenants/imports/import-columns";

export type BenchTenant = { tenantId: string; domain: string; actor: AuditActor };

export async function createBenchTenant(seats: number): Promise<BenchTenant> {
  const tenant = await db.tenant.create({ data: { name: "导入基准企业" } });
  const plan = await db.plan.create({
    data: { code: `bench-${tenant.id}`, name: "Bench", pricePerSeatYear: 20_000, mailboxQuotaMb: 2048, attachmentLimitMb: 30, largeAttachmentLimitMb: 2048 },
  });
  await db.subscription.create({ data: { tenantId: tenant.id, planId: plan.id, seats, pricePerSeatYear: 20_000, currency: "CNY", status: "active", paidAt: new Date() } });
  const domain = `bench-${tenant.id}.example.com`;
  await db.domain.create({ data: { tenantId: tenant.id, name: domain, unicodeName: domain, state: "mail_ready", ownershipToken: "0".repeat(32) } });
  const actor: AuditActor = { id: "bench-admin", email: "bench@example.test", role: "tenant_admin", tenantId: tenant.id, ip: "127.0.0.1" };
  return { tenantId: tenant.id, domain, actor };
}

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const DEPARTMENTS = ["销售部/华东区", "销售部/华南区", "研发部/平台组", "研发部/移动组", "财务部", "人事部", "市场部/品牌组", "客服部"];

/** `count` rows; with `password`, each row carries it (the per-row argon2 path). */
export function generateImportFile(domain: string, count: number, opts: { prefix: string; password?: string }): Uint8Array {
  const rows = Array.from({ length: count }, (_, i) => [
    `${opts.prefix}${i}@${domain}`,
    `${SURNAMES[i % SURNAMES.length]}${String.fromCodePoint(0x4e00 + ((i * 7) % 2000))}`,
    DEPARTMENTS[i % DEPARTMENTS.length]!,
    i % 4 === 0 ? "1024" : "",
    i % 3 === 0 ? `138${String(i).padStart(8, "0")}` : "",
    opts.password ?? "",
  ]);
  return Buffer.from(`\uFEFF${stringify([TEMPLATE_HEADER, ...rows])}`, "utf8");
}
