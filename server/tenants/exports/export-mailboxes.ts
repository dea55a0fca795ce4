import { stringify } from "csv-stringify/sync";
import { db } from "@/server/shared/db";
import type { Locale } from "@/server/shared/locale";
import { COLUMN_DEFS, EXPORT_ONLY_COLUMNS } from "../imports/import-columns";
import { BOM } from "../imports/download-import-files";

// The tenant's mailboxes as CSV, in the import's own column names (both languages), so an
// export edited in Excel imports again: re-importing skips the mailboxes that exist.

const PAGE = 2_000;

/** Department id → "销售部/华东区", from the tenant's whole tree. */
export async function departmentPaths(tenantId: string): Promise<Map<string, string>> {
  const rows = await db.department.findMany({ where: { tenantId }, select: { id: true, name: true, parentId: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<string, string>();
  for (const r of rows) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let at: typeof r | undefined = r; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
      seen.add(at.id);
      names.unshift(at.name);
    }
    paths.set(r.id, names.join("/"));
  }
  return paths;
}

const STATUS: Record<Locale, Record<"active" | "disabled", string>> = { "zh-CN": { active: "正常", disabled: "已停用" }, en: { active: "active", disabled: "disabled" } };

export async function exportMailboxesCsv(tenantId: string, locale: Locale): Promise<string> {
  const paths = await departmentPaths(tenantId);
  const header = (["address", "displayName", "department", "quotaMb", "mobile"] as const).map((c) => `${COLUMN_DEFS[c].zh}/${COLUMN_DEFS[c].en}`);
  const lines = [[...header, EXPORT_ONLY_COLUMNS.aliases, EXPORT_ONLY_COLUMNS.status, EXPORT_ONLY_COLUMNS.usedMb]];
  // Keyset pages: a tenant of 20,000 mailboxes never holds them all as Prisma objects at once.
  for (let cursor: string | undefined; ; ) {
    const page = await db.mailbox.findMany({
      where: { tenantId, ...(cursor ? { address: { gt: cursor } } : {}) },
      orderBy: { address: "asc" },
      take: PAGE,
      select: { address: true, displayName: true, departmentId: true, quotaMb: true, mobile: true, status: true, usedBytes: true, addresses: { where: { kind: "alias" }, select: { address: true }, orderBy: { address: "asc" } } },
    });
    for (const m of page) {
      const department = m.departmentId ? (paths.get(m.departmentId) ?? "") : "";
      const usedMb = (Number(m.usedBytes) / 1048576).toFixed(1);
      lines.push([m.address, m.displayName, department, String(m.quotaMb), m.mobile ?? "", m.addresses.map((a) => a.address).join(";"), STATUS[locale][m.status], usedMb]);
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.address;
  }
  return BOM + stringify(lines);
}
