import { loadSecurityPolicy } from "@/server/auth/policy/security-policy";
import { db } from "@/server/shared/db";
import { say, type Localized } from "@/server/shared/errors";
import { takenMessage } from "../addresses/claim-address";
import { checkImportRow, type ImportDomain, type ImportRow, type RowProblem } from "./check-import-row";
import type { ImportHeader } from "./import-columns";

// Every row of a parsed file, checked against the tenant's domains and plan and against the
// platform's addresses, before anything is applied. The apply job checks again under the
// tenant's lock (this is a preview: an address may be taken in between).

export type PlannedRow = ImportRow & { exists: boolean };
export type ValidatedRows = { rows: PlannedRow[]; problems: RowProblem[]; errorRows: number; fileProblems: Localized[]; willCreate: number; willSkip: number };

const LOOKUP_BATCH = 1_000;

/** Who holds each of these addresses now: this tenant's mailbox ("own") or anyone else ("taken"). */
async function holders(tenantId: string, addresses: string[]): Promise<Map<string, "own" | "taken">> {
  const out = new Map<string, "own" | "taken">();
  for (let i = 0; i < addresses.length; i += LOOKUP_BATCH) {
    const found = await db.mailAddress.findMany({ where: { address: { in: addresses.slice(i, i + LOOKUP_BATCH) } }, select: { address: true, tenantId: true, kind: true } });
    for (const a of found) out.set(a.address, a.tenantId === tenantId && a.kind === "mailbox" ? "own" : "taken");
  }
  return out;
}

export type ImportContext = Awaited<ReturnType<typeof loadImportContext>>;

export async function loadImportContext(tenantId: string) {
  const [domains, sub, passwordPolicy] = await Promise.all([
    db.domain.findMany({ where: { tenantId }, select: { id: true, name: true, unicodeName: true, aliasOf: { select: { name: true } } } }),
    db.subscription.findFirst({ where: { tenantId, status: "active" }, orderBy: { createdAt: "desc" }, select: { seats: true, plan: { select: { mailboxQuotaMb: true } } } }),
    loadSecurityPolicy(tenantId),
  ]);
  const importDomains: ImportDomain[] = domains.map((d) => ({ id: d.id, name: d.name, unicodeName: d.unicodeName, aliasOf: d.aliasOf?.name ?? null }));
  return { domains: importDomains, planQuotaMb: sub?.plan.mailboxQuotaMb ?? 0, paidSeats: sub?.seats ?? 0, passwordPolicy };
}

export async function validateImportRows(tenantId: string, ctx: ImportContext, header: ImportHeader, records: { row: number; cells: string[] }[]): Promise<ValidatedRows> {
  const problems: RowProblem[] = [];
  const valid: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of records) {
    const checked = checkImportRow(row, cells, header, ctx);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const earlier = firstRowOf.get(checked.value.address);
    if (earlier !== undefined) {
      problems.push({ row, column: "address", message: say(`${checked.value.address} is already on row ${earlier} of this file`, `${checked.value.address} 与本文件第 ${earlier} 行重复`) });
      continue;
    }
    firstRowOf.set(checked.value.address, row);
    valid.push(checked.value);
  }
  const held = await holders(tenantId, valid.map((r) => r.address));
  const rows: PlannedRow[] = [];
  for (const r of valid) {
    if (held.get(r.address) === "taken") problems.push({ row: r.row, column: "address", message: takenMessage(r.address) });
    else rows.push({ ...r, exists: held.get(r.address) === "own" });
  }
  const willCreate = rows.filter((r) => !r.exists).length;
  const used = await db.mailbox.count({ where: { tenantId } });
  const free = Math.max(0, ctx.paidSeats - used);
  const fileProblems: Localized[] = [];
  if (willCreate > free) {
    fileProblems.push(
      say(
        `This file would create ${willCreate} mailboxes but only ${free} of your ${ctx.paidSeats} paid seats are free: add seats on the billing page or remove rows`,
        `该文件将创建 ${willCreate} 个邮箱，但已购买的 ${ctx.paidSeats} 个席位中只剩 ${free} 个：请先在“费用中心”增加席位或删除部分行`,
      ),
    );
  }
  const errorRows = new Set(problems.map((p) => p.row)).size;
  return { rows, problems, errorRows, fileProblems, willCreate, willSkip: rows.length - willCreate };
}
