import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { gunzipSync, gzipSync } from "node:zlib";
import type mysql from "mysql2/promise";
import { quoteIdent } from "@/server/shared/migrations/connection";
import { encodeTrailer, type BackupHeader } from "./backup-format";
import { LITERAL_VALUES } from "./write-backup-file";

// Test helpers: a well-formed backup file with edited contents (a future migration, a duplicate
// row), and a fingerprint of a table to compare two databases row for row.

export type EditableBackup = { header: BackupHeader; sections: Map<string, string[]> };

/** Rewrites `src` into `dst` after `edit`, with correct section counts and trailer; no sidecar. */
export async function rewriteBackup(src: string, dst: string, edit: (b: EditableBackup) => void): Promise<void> {
  const lines = gunzipSync(await readFile(src)).toString("utf8").split("\n").filter(Boolean);
  const header = JSON.parse(lines[0]!) as BackupHeader;
  const sections = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of lines.slice(1, -1)) {
    if (line.startsWith("[")) current.push(line);
    else sections.set((JSON.parse(line) as { table: string }).table, (current = []));
  }
  edit({ header, sections });
  for (const t of header.tables) t.rows = sections.get(t.name)?.length ?? 0;
  const body = [JSON.stringify(header), ...header.tables.flatMap((t) => [JSON.stringify({ table: t.name, rows: t.rows }), ...(sections.get(t.name) ?? [])])];
  const text = body.map((l) => l + "\n").join("");
  const counts = Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
  const trailer = encodeTrailer(counts, createHash("sha256").update(text).digest("hex"));
  await writeFile(dst, gzipSync(text + trailer + "\n"));
}

/** Row count, CHECKSUM TABLE and a SHA-256 of every row (serialised, then sorted: order-free). */
export async function tableFingerprint(conn: mysql.Connection, table: string): Promise<{ rows: number; checksum: string; sha256: string }> {
  const [[sum]] = await conn.query<mysql.RowDataPacket[]>(`CHECKSUM TABLE ${quoteIdent(table)}`);
  const [rows] = await conn.query<mysql.RowDataPacket[]>({ sql: `SELECT * FROM ${quoteIdent(table)}`, rowsAsArray: true, ...LITERAL_VALUES });
  const lines = (rows as unknown as unknown[][]).map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? `b:${v.toString("hex")}` : v)))).sort();
  const hash = createHash("sha256");
  for (const l of lines) hash.update(l + "\n");
  return { rows: rows.length, checksum: String(sum?.Checksum), sha256: hash.digest("hex") };
}

export async function fingerprints(conn: mysql.Connection, tables: readonly string[]) {
  const out: Record<string, Awaited<ReturnType<typeof tableFingerprint>>> = {};
  for (const t of tables) out[t] = await tableFingerprint(conn, t);
  return out;
}
