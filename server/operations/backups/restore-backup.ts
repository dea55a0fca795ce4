import mysql from "mysql2/promise";
import { connectToServer, databaseName, quoteIdent, serverOptions } from "@/server/shared/migrations/connection";
import { migrate } from "@/server/shared/migrations/migrate";
import { readMigrations } from "@/server/shared/migrations/read-migrations";
import type { BackupHeader, BackupTableHeader, CellValue } from "./backup-format";
import { readBackupFile, type VerifiedBackup } from "./read-backup-file";
import { checkColumns, checkEmptyOrClearable, refuseNewerSchema, targetMigration } from "./restore-target";
import { INCLUDED_TABLES } from "./backup-tables";

// `npm run restore -- <file>` (docs/backups.md). Order matters: the whole file is verified first
// (checksums, structure, counts), then the target is checked (schema, emptiness), and only then
// is anything written — in one transaction, so a failure part-way leaves the database as it was.
// Foreign-key checks are off inside the session (rows go in table by table; the file came from a
// consistent snapshot), and the counts are verified before COMMIT.

export type RestoreOptions = {
  filePath: string;
  databaseUrl: string;
  force?: boolean;
  log?: (line: string) => void;
  onProgress?: (table: string, done: number, total: number) => void;
};

export type RestoreResult = { verified: VerifiedBackup; migratedTarget: boolean; cleared: string[]; rowCount: number };

// mysql2 builds one multi-row INSERT per batch; well under the server's 16 MiB max_allowed_packet.
const BATCH_ROWS = 2000;
const BATCH_CHARS = 4 * 1024 * 1024;

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const verified = await readBackupFile(opts.filePath);
  const { header } = verified;
  log(`verified ${opts.filePath}: ${verified.trailer.rowCount} rows in ${header.tables.length} tables, made ${header.createdAt} at migration ${header.migration}` + (verified.sidecar === "missing" ? " (no .sha256 file beside it: checked by its own trailer only)" : ""));
  const local = await readMigrations();
  refuseNewerSchema(header, local.at(-1)?.name ?? null, "this code's");
  const unknown = header.tables.find((t) => !(INCLUDED_TABLES as readonly string[]).includes(t.name));
  if (unknown) log(`note: the file holds table ${unknown.name}, which this version no longer backs up; restoring it as it is`);

  const migratedTarget = await prepareSchema(opts.databaseUrl, header, log);
  const conn = await mysql.createConnection({ ...serverOptions(opts.databaseUrl), database: databaseName(opts.databaseUrl), multipleStatements: false });
  try {
    await checkColumns(conn, header);
    const cleared = await checkEmptyOrClearable(conn, header, opts.force ?? false);
    // Strict: a value the column cannot hold fails the restore rather than being silently cut.
    // Unique checks off, as mariadb-dump's own files do: the rows come from one consistent
    // snapshot that satisfied them (primary keys are always checked), and secondary unique
    // indexes then load through InnoDB's change buffer.
    await conn.query("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION', FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0");
    await conn.beginTransaction();
    try {
      for (const name of [...cleared].reverse()) await conn.query(`DELETE FROM ${quoteIdent(name)}`);
      if (cleared.length) log(`cleared ${cleared.join(", ")} (--force)`);
      await insertAll(conn, opts.filePath, opts.onProgress);
      await verifyCounts(conn, header);
      await conn.commit();
    } catch (e) {
      await conn.rollback().catch(() => {});
      throw rolledBack(e);
    } finally {
      await conn.query("SET SESSION FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1").catch(() => {});
    }
    return { verified, migratedTarget, cleared, rowCount: verified.trailer.rowCount };
  } finally {
    await conn.end().catch(() => {});
  }
}

/** Migrates a target with no tables; otherwise refuses one whose schema is older than the file's. */
async function prepareSchema(databaseUrl: string, header: BackupHeader, log: (line: string) => void): Promise<boolean> {
  const name = databaseName(databaseUrl);
  const server = await connectToServer(databaseUrl);
  let tables: number;
  let have: string | null = null;
  try {
    const [rows] = await server.query<mysql.RowDataPacket[]>("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", [name]);
    tables = Number(rows[0]?.n ?? 0);
    if (tables > 0) {
      await server.query(`USE ${quoteIdent(name)}`);
      have = await targetMigration(server);
    }
  } finally {
    await server.end().catch(() => {});
  }
  if (tables === 0) {
    log(`${name} has no tables: applying the migrations first`);
    await migrate({ databaseUrl, log });
    return true;
  }
  refuseNewerSchema(header, have, "this database's");
  return false;
}

async function insertAll(conn: mysql.Connection, filePath: string, onProgress?: RestoreOptions["onProgress"]): Promise<void> {
  let batch: CellValue[][] = [];
  let chars = 0;
  let done = 0;
  // One INSERT in flight while the next batch is parsed: the server and this process work at once.
  let inflight: Promise<void> = Promise.resolve();
  const flush = async (table: BackupTableHeader) => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    chars = 0;
    await inflight;
    const cols = table.columns.map(quoteIdent).join(", ");
    inflight = conn.query(`INSERT INTO ${quoteIdent(table.name)} (${cols}) VALUES ?`, [rows]).then(() => {
      done += rows.length;
      onProgress?.(table.name, done, table.rows);
    });
    // Marks the failure handled until the next await of `inflight` rethrows it.
    inflight.catch(() => {});
  };
  // The second read re-checks every checksum: a file changed since the first read fails here,
  // and the transaction rolls back.
  await readBackupFile(filePath, {
    onTable: (table) => {
      done = 0;
      if (table.rows === 0) onProgress?.(table.name, 0, 0);
    },
    onRow: async (table, row) => {
      batch.push(row);
      for (const v of row) chars += typeof v === "string" ? v.length : v === null ? 4 : Buffer.isBuffer(v) ? v.length * 2 : 12;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush(table);
    },
    onTableEnd: async (table) => {
      await flush(table);
      await inflight;
    },
  }).finally(() => inflight.catch(() => {}));
}

async function verifyCounts(conn: mysql.Connection, header: BackupHeader): Promise<void> {
  for (const t of header.tables) {
    const [rows] = await conn.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${quoteIdent(t.name)}`);
    const n = Number(rows[0]?.n ?? 0);
    if (n !== t.rows) throw new Error(`after inserting, ${t.name} holds ${n} rows where the backup has ${t.rows}; nothing was kept`);
  }
}

/**
 * With both checks off, InnoDB loads an empty table in bulk and finds a duplicate key only when
 * the load is applied, reporting a bare "Got error 1 … during COMMIT": say what it means.
 */
function rolledBack(e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  const hint = /Got error 1\b.*COMMIT/i.test(message) ? " (a duplicate key among the file's rows, found by InnoDB's bulk load)" : "";
  return new Error(`the restore failed and was rolled back, the target is as it was: ${message}${hint}`, { cause: e });
}
