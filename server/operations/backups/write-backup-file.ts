import { createHash } from "node:crypto";
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import mysql from "mysql2/promise";
import type { Connection as CoreConnection } from "mysql2";
import { databaseName, quoteIdent, serverOptions } from "@/server/shared/migrations/connection";
import { INCLUDED_TABLES } from "./backup-tables";
import { backupFileName } from "./backup-files";
import { BACKUP_FORMAT, BACKUP_MAGIC, encodeHeader, encodeRow, encodeSection, encodeTrailer, sidecarText, type BackupTableHeader, type CellValue } from "./backup-format";
import { readTableColumns } from "./table-columns";
import { hashTap } from "./hash-tap";

// Writes one backup file from a consistent snapshot of the included tables (backup-format.ts).
// One connection, one REPEATABLE READ snapshot: the counts in the header and the rows that follow
// are from the same instant, however long the dump takes. Rows are streamed (mysql2's stream
// with backpressure), so memory stays flat for any number of mailboxes.

export type WrittenBackup = { fileName: string; filePath: string; bytes: number; sha256: string; tableCount: number; rowCount: number; migration: string };
export type BackupProgress = (rowsDone: number, rowsTotal: number) => void;

/** Text-protocol options under which every value reads back as the literal the server sent. */
export const LITERAL_VALUES = { dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, jsonStrings: true } as const;

const CHUNK_CHARS = 256 * 1024;

export async function writeBackupFile(opts: { databaseUrl: string; dir: string; at: Date; onProgress?: BackupProgress }): Promise<WrittenBackup> {
  const fileName = backupFileName(opts.at);
  const filePath = path.join(opts.dir, fileName);
  const tmpPath = path.join(opts.dir, `.${fileName}.${process.pid}.tmp`);
  await mkdir(opts.dir, { recursive: true });

  const conn = await mysql.createConnection({ ...serverOptions(opts.databaseUrl), database: databaseName(opts.databaseUrl), ...LITERAL_VALUES });
  try {
    await conn.query("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    await conn.query("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    const migration = await lastMigration(conn);
    const tables = await snapshotTables(conn);
    const rowsTotal = tables.reduce((n, t) => n + t.rows, 0);

    const content = createHash("sha256");
    const tap = hashTap();
    const lines = generateLines(conn, migration, tables, opts.at, content, rowsTotal, opts.onProgress);
    try {
      await pipeline(Readable.from(lines), createGzip({ level: 6 }), tap.stream, createWriteStream(tmpPath));
      await fsyncPath(tmpPath);
      await rename(tmpPath, filePath);
    } catch (e) {
      await rm(tmpPath, { force: true });
      throw e;
    }
    const sha256 = tap.digest();
    const bytes = tap.bytes();
    // The sidecar also goes through a temp name: a crash leaves either none or a whole one.
    const sidecarTmp = `${tmpPath}.sha256`;
    await writeFile(sidecarTmp, sidecarText(sha256, fileName), { flush: true });
    await rename(sidecarTmp, `${filePath}.sha256`);
    await fsyncPath(opts.dir);
    return { fileName, filePath, bytes, sha256, tableCount: tables.length, rowCount: rowsTotal, migration };
  } finally {
    await conn.query("COMMIT").catch(() => {});
    await conn.end().catch(() => {});
  }
}

async function* generateLines(
  conn: mysql.Connection,
  migration: string,
  tables: BackupTableHeader[],
  at: Date,
  content: ReturnType<typeof createHash>,
  rowsTotal: number,
  onProgress?: BackupProgress,
): AsyncGenerator<string> {
  let buffer = "";
  const push = (line: string) => {
    const withEnd = line + "\n";
    content.update(withEnd);
    buffer += withEnd;
  };
  push(encodeHeader({ magic: BACKUP_MAGIC, format: BACKUP_FORMAT, createdAt: at.toISOString(), migration, tables }));
  let rowsDone = 0;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    push(encodeSection(table.name, table.rows));
    const cols = table.columns.map(quoteIdent).join(", ");
    const stream = coreConnection(conn).query({ sql: `SELECT ${cols} FROM ${quoteIdent(table.name)}`, rowsAsArray: true }).stream({ highWaterMark: 2000 });
    let n = 0;
    for await (const row of stream as AsyncIterable<CellValue[]>) {
      push(encodeRow(row, table.binary));
      n++;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = "";
        onProgress?.(rowsDone + n, rowsTotal);
      }
    }
    // The snapshot cannot change under us; a difference means the dump itself went wrong.
    if (n !== table.rows) throw new Error(`table ${table.name}: counted ${table.rows} rows but read ${n}`);
    counts[table.name] = n;
    rowsDone += n;
  }
  const contentSha256 = content.copy().digest("hex");
  buffer += encodeTrailer(counts, contentSha256) + "\n";
  yield buffer;
  onProgress?.(rowsDone, rowsTotal);
}

async function lastMigration(conn: mysql.Connection): Promise<string> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1",
  );
  if (!rows[0]) throw new Error("the database has no applied migrations: nothing to back up");
  return String(rows[0].migration_name);
}

async function snapshotTables(conn: mysql.Connection): Promise<BackupTableHeader[]> {
  const columns = await readTableColumns(conn);
  const out: BackupTableHeader[] = [];
  for (const name of INCLUDED_TABLES) {
    const cols = columns.get(name);
    if (!cols) throw new Error(`table ${name} is missing from the database: is it migrated?`);
    const [rows] = await conn.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${quoteIdent(name)}`);
    out.push({ name, columns: cols.map((c) => c.name), binary: cols.flatMap((c, i) => (c.binary ? [i] : [])), rows: Number(rows[0]?.n ?? 0) });
  }
  return out;
}

/** The callback connection under the promise wrapper: only it can stream a result set. */
function coreConnection(conn: mysql.Connection): CoreConnection {
  return (conn as unknown as { connection: CoreConnection }).connection;
}

async function fsyncPath(p: string): Promise<void> {
  const fh = await open(p, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
