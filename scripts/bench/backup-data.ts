import { randomBytes } from "node:crypto";
import type mysql from "mysql2/promise";

// The backup bench's platform: `tenants` tenants with `mailboxesPerTenant` mailboxes each, and in
// proportion their domains (with DKIM keys), departments, aliases, lists and members, welcome
// letters, spam policies, subscriptions, orders, ledger entries and SLA months. Values have
// realistic sizes (argon2id hashes, 2048-bit keys, Chinese names). Bulk multi-row INSERTs.

const BATCH = 2000;
const NOW = "2026-11-27 03:00:00.000";
const id = (kind: string, i: number) => `c${kind}${i.toString(36).padStart(22, "0")}`.slice(0, 25);
const HASH = `$argon2id$v=19$m=19456,t=2,p=1$${randomBytes(16).toString("base64")}$${randomBytes(32).toString("base64")}`;
const PUBLIC_KEY = randomBytes(294).toString("base64");
const PRIVATE_KEY = randomBytes(1250).toString("base64");
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

type Row = (string | number | null)[];

async function insert(conn: mysql.Connection, table: string, columns: string[], rows: Iterable<Row>): Promise<number> {
  let batch: Row[] = [];
  let n = 0;
  const flush = async () => {
    if (!batch.length) return;
    await conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(", ")}) VALUES ?`, [batch]);
    n += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return n;
}

function* range<T>(count: number, make: (i: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield make(i);
}

export async function generatePlatform(conn: mysql.Connection, tenants: number, mailboxesPerTenant: number): Promise<number> {
  const m = mailboxesPerTenant;
  let rows = 0;
  const plans = ["basic", "standard", "premium"];
  rows += await insert(conn, "Plan", ["id", "code", "name", "pricePerSeatYear", "mailboxQuotaMb", "attachmentLimitMb", "largeAttachmentLimitMb", "updatedAt"],
    plans.map((code, i) => [id("p", i), `bench-${code}`, code, 10_000 * (i + 1), 5120 * (i + 1), 50, 2048, NOW]));
  const resellers = Math.max(1, Math.floor(tenants / 100));
  rows += await insert(conn, "Reseller", ["id", "name", "contactName", "contactPhone", "updatedAt"], range(resellers, (i) => [id("r", i), `经销商 ${i}`, "联系人", "010-12345678", NOW]));
  rows += await insert(conn, "Tenant", ["id", "name", "resellerId", "createdAt", "updatedAt"], range(tenants, (i) => [id("t", i), `星河贸易有限公司 ${i}`, i % 10 === 0 ? id("r", i % resellers) : null, NOW, NOW]));
  rows += await insert(conn, "User", ["id", "email", "name", "passwordHash", "role", "tenantId", "updatedAt"], range(tenants, (i) => [id("u", i), `admin@t${i}.example.cn`, "管理员", HASH, "tenant_admin", id("t", i), NOW]));
  rows += await insert(conn, "Domain", ["id", "tenantId", "name", "unicodeName", "state", "ownershipToken", "lastCheck", "updatedAt"],
    range(tenants, (i) => [id("d", i), id("t", i), `t${i}.example.cn`, `t${i}.example.cn`, "mail_ready", randomBytes(16).toString("hex"), '{"mx":"ok","spf":"ok","dkim":"ok"}', NOW]));
  rows += await insert(conn, "DkimKey", ["id", "domainId", "selector", "publicKey", "privateKeyEnc", "status"], range(tenants, (i) => [id("k", i), id("d", i), "ms2026", PUBLIC_KEY, PRIVATE_KEY, "active"]));
  rows += await insert(conn, "Department", ["id", "tenantId", "name", "updatedAt"], range(tenants * 3, (i) => [id("e", i), id("t", Math.floor(i / 3)), ["销售部", "技术部", "财务部"][i % 3]!, NOW]));
  const mailbox = (i: number) => {
    const t = Math.floor(i / m);
    return { t, local: `user${i % m}`, address: `user${i % m}@t${t}.example.cn` };
  };
  rows += await insert(conn, "Mailbox", ["id", "tenantId", "domainId", "departmentId", "localPart", "address", "displayName", "quotaMb", "usedBytes", "passwordHash", "mobile", "updatedAt"],
    range(tenants * m, (i) => {
      const b = mailbox(i);
      return [id("m", i), id("t", b.t), id("d", b.t), id("e", b.t * 3 + (i % 3)), b.local, b.address, `${SURNAMES[i % 10]}${i % 97}号`, 5120, (i * 7919) % 5_000_000_000, HASH, `138${String(i).padStart(8, "0")}`, NOW];
    }));
  rows += await insert(conn, "MailAddress", ["address", "tenantId", "domainId", "kind", "mailboxId"], range(tenants * m, (i) => [mailbox(i).address, id("t", mailbox(i).t), id("d", mailbox(i).t), "mailbox", id("m", i)]));
  // Aliases: one for every fifth mailbox.
  rows += await insert(conn, "MailAddress", ["address", "tenantId", "domainId", "kind", "mailboxId"],
    range(Math.floor((tenants * m) / 5), (j) => {
      const i = j * 5;
      return [`alias${i % m}@t${mailbox(i).t}.example.cn`, id("t", mailbox(i).t), id("d", mailbox(i).t), "alias", id("m", i)];
    }));
  rows += await insert(conn, "MailingList", ["id", "tenantId", "domainId", "address", "name", "updatedAt"], range(tenants, (t) => [id("l", t), id("t", t), id("d", t), `all@t${t}.example.cn`, "全体员工", NOW]));
  rows += await insert(conn, "MailAddress", ["address", "tenantId", "domainId", "kind", "listId"], range(tenants, (t) => [`all@t${t}.example.cn`, id("t", t), id("d", t), "list", id("l", t)]));
  const members = Math.min(5, m);
  rows += await insert(conn, "MailingListEntry", ["id", "listId", "role", "address", "mailboxId"],
    range(tenants * members, (j) => {
      const t = Math.floor(j / members);
      const i = t * m + (j % members);
      return [id("n", j), id("l", t), "member", mailbox(i).address, id("m", i)];
    }));
  rows += await insert(conn, "WelcomeTemplate", ["tenantId", "subject", "body", "updatedAt"], range(tenants, (t) => [id("t", t), "欢迎使用企业邮箱", "您好 {name}，您的邮箱 {address} 已开通。".repeat(8), NOW]));
  rows += await insert(conn, "SpamPolicy", ["tenantId", "addHeaderScore", "quarantineScore", "rejectScore", "updatedAt"], range(tenants, (t) => [id("t", t), 5, 10 + (t % 3) * 0.5, 15, NOW]));
  rows += await insert(conn, "Subscription", ["id", "tenantId", "planId", "seats", "pricePerSeatYear", "currency", "status", "billingStartMonth", "updatedAt"],
    range(tenants, (t) => [id("s", t), id("t", t), id("p", t % 3), m, 10_000 * ((t % 3) + 1), "CNY", "active", "2026-01", NOW]));
  rows += await insert(conn, "Order", ["id", "tenantId", "subscriptionId", "kind", "planId", "seats", "termYears", "pricePerSeatYear", "amount", "currency", "reference", "status", "idempotencyKey", "paidAt"],
    range(tenants, (t) => [id("o", t), id("t", t), id("s", t), "subscription", id("p", t % 3), m, 1, 10_000 * ((t % 3) + 1), 10_000 * ((t % 3) + 1) * m, "CNY", `MS${String(t).padStart(10, "0")}`, "paid", `bench-order-${t}`, NOW]));
  rows += await insert(conn, "LedgerEntry", ["tenantId", "kind", "amount", "currency", "reference", "billingMonth", "idempotencyKey", "occurredAt"],
    range(tenants * 3, (j) => {
      const t = Math.floor(j / 3);
      return j % 3 === 0 ? [id("t", t), "payment", 1_000_000, "CNY", `MS${t}`, null, `bench-pay-${t}`, NOW] : [id("t", t), "monthly_charge", -80_000, "CNY", null, `2026-${String(9 + (j % 3)).padStart(2, "0")}`, `bench-charge-${j}`, NOW];
    }));
  rows += await insert(conn, "SlaMonth", ["id", "tenantId", "month", "status", "availabilityPpm", "interruptionMinutes", "breaches", "figures", "computedAt"],
    range(tenants, (t) => [id("q", t), id("t", t), "2026-10", "met", 999_950, 2, 0, '{"availability":{"ppm":999950,"minutes":2},"latency":{"meanMs":812}}', NOW]));
  return rows;
}
