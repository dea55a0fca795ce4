import type mysql from "mysql2/promise";
import { DomainError, say } from "@/server/shared/errors";
import { quoteIdent } from "@/server/shared/migrations/connection";
import { BackupFileError, type BackupHeader } from "./backup-format";
import { readTableColumns } from "./table-columns";

// The checks restore makes on the target database before it writes anything: the schema is not
// older than the backup's and has every column the file holds, and the included tables are empty
// (or, with --force, can be emptied: append-only tables refuse DELETE, so those must be empty).

/** The target's last applied migration, or null when it has no migration history at all. */
export async function targetMigration(conn: mysql.Connection): Promise<string | null> {
  const [t] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_prisma_migrations'",
  );
  if (t.length === 0) return null;
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT MAX(migration_name) AS m FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  return rows[0]?.m ? String(rows[0].m) : null;
}

/** Refuses a backup whose schema is newer than `have` (the code's or the database's). */
export function refuseNewerSchema(header: BackupHeader, have: string | null, whose: "this code's" | "this database's"): void {
  if (have === null || header.migration > have) {
    throw new BackupFileError(
      "newer_schema",
      `the backup was made at migration ${header.migration}, newer than ${whose} (${have ?? "none"}); ` +
        (whose === "this database's" ? "run `npm run migrate` on the target first" : "restore with the version of Mailstead that made it"),
    );
  }
}

/** Every table and column of the file must exist in the target (a newer schema may only add). */
export async function checkColumns(conn: mysql.Connection, header: BackupHeader): Promise<void> {
  const have = await readTableColumns(conn);
  for (const t of header.tables) {
    const cols = new Set((have.get(t.name) ?? []).map((c) => c.name));
    if (cols.size === 0) throw new DomainError("PRECONDITION_FAILED", say(`The target database has no table ${t.name}`, `目标数据库没有表 ${t.name}`));
    const missing = t.columns.filter((c) => !cols.has(c));
    if (missing.length) {
      throw new DomainError("PRECONDITION_FAILED", say(`The target's table ${t.name} lacks column(s) ${missing.join(", ")}`, `目标数据库的表 ${t.name} 缺少列 ${missing.join(", ")}`));
    }
  }
}

/** Row counts of the file's tables in the target that are not empty. */
export async function nonEmptyTables(conn: mysql.Connection, header: BackupHeader): Promise<{ name: string; rows: number }[]> {
  const out: { name: string; rows: number }[] = [];
  for (const t of header.tables) {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${quoteIdent(t.name)}`);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) out.push({ name: t.name, rows: n });
  }
  return out;
}

/** Refuses a restore into rows that would be mixed with the backup's, unless forced and clearable. */
export async function checkEmptyOrClearable(conn: mysql.Connection, header: BackupHeader, force: boolean): Promise<string[]> {
  const busy = await nonEmptyTables(conn, header);
  if (busy.length === 0) return [];
  const list = busy.map((b) => `${b.name} (${b.rows})`).join(", ");
  if (!force) {
    throw new DomainError(
      "CONFLICT",
      say(
        `The target database is not empty: ${list}. Restore into an empty database, or pass --force to replace these tables' rows`,
        `目标数据库不为空：${list}。请恢复到空数据库，或加 --force 覆盖这些表的数据`,
      ),
    );
  }
  const [triggers] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT EVENT_OBJECT_TABLE AS t FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_MANIPULATION = 'DELETE'",
  );
  const appendOnly = new Set(triggers.map((r) => String(r.t)));
  const blocked = busy.filter((b) => appendOnly.has(b.name)).map((b) => b.name);
  if (blocked.length) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      say(
        `--force cannot clear append-only table(s) ${blocked.join(", ")} (their rows may never be deleted); restore into a new empty database instead`,
        `--force 无法清空只追加的表 ${blocked.join(", ")}（其记录不可删除）；请恢复到新的空数据库`,
      ),
    );
  }
  return busy.map((b) => b.name);
}
