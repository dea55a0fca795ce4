import type mysql from "mysql2/promise";

// The columns of every table of the connection's database, in their order, from information_schema.
// Binary columns are marked: their values travel as base64 in the backup file.

export type TableColumn = { name: string; binary: boolean };

const BINARY_TYPES = new Set(["binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"]);

export async function readTableColumns(conn: mysql.Connection): Promise<Map<string, TableColumn[]>> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, DATA_TYPE AS d FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  const out = new Map<string, TableColumn[]>();
  for (const r of rows) {
    const list = out.get(String(r.t)) ?? [];
    list.push({ name: String(r.c), binary: BINARY_TYPES.has(String(r.d).toLowerCase()) });
    out.set(String(r.t), list);
  }
  return out;
}

/** Base tables of the connection's database (no views). */
export async function readTableNames(conn: mysql.Connection): Promise<string[]> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  );
  return rows.map((r) => String(r.t));
}
