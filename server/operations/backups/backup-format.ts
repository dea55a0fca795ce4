// The .msbk file, pure parts (docs/backups.md). A gzip stream of UTF-8 JSON lines:
//   1. the header: magic, format, created-at, the last applied migration, every table with its
//      columns, binary columns and row count (counted in the same snapshot as the rows);
//   2. per table a section line {"table":…,"rows":n}, then one JSON array per row;
//   3. the trailer: per-table counts again and the SHA-256 of every decompressed byte before it.
// A file is complete only when the trailer parses and agrees. Beside it, `<file>.sha256` holds
// the SHA-256 of the compressed bytes in `sha256sum` format, so `sha256sum -c` verifies it too.
// Values: mysql2 gives strings for DATETIME (dateStrings), BIGINT (bigNumberStrings) and JSON
// (jsonStrings), numbers for INT/DOUBLE/BOOLEAN, null, and Buffers for binary columns; a Buffer
// is written as {"$b":"<base64>"}. Each comes back as the same literal text, so a restored row is
// byte-identical.

export const BACKUP_MAGIC = "mailstead-config-backup";
export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = ".msbk";

export type BackupTableHeader = { name: string; columns: string[]; binary: number[]; rows: number };
export type BackupHeader = {
  magic: typeof BACKUP_MAGIC;
  format: number;
  createdAt: string;
  migration: string;
  tables: BackupTableHeader[];
};
export type BackupTrailer = { end: true; tables: Record<string, number>; rowCount: number; contentSha256: string };
export type CellValue = string | number | null | Buffer;

export type BackupRefusal = "truncated" | "checksum_mismatch" | "not_a_backup" | "unsupported_format" | "newer_schema";

/** Why a file cannot be restored; nothing has touched the database when this is thrown. */
export class BackupFileError extends Error {
  override name = "BackupFileError";
  constructor(
    readonly reason: BackupRefusal,
    detail: string,
  ) {
    super(`${REASON_TEXT[reason]}: ${detail}`);
  }
}

const REASON_TEXT: Record<BackupRefusal, string> = {
  truncated: "the backup file is truncated",
  checksum_mismatch: "checksum mismatch (the backup file was altered or damaged)",
  not_a_backup: "not a Mailstead backup",
  unsupported_format: "unsupported backup format",
  newer_schema: "the backup was made by a newer schema",
};

export function encodeHeader(header: BackupHeader): string {
  return JSON.stringify(header);
}

/** The header, or a refusal: anything else at the start of the stream is not ours. */
export function decodeHeader(line: string | undefined): BackupHeader {
  let parsed: unknown;
  try {
    parsed = line === undefined ? undefined : JSON.parse(line);
  } catch {
    parsed = undefined;
  }
  const h = parsed as Partial<BackupHeader> | undefined;
  if (!h || h.magic !== BACKUP_MAGIC) throw new BackupFileError("not_a_backup", "the file does not begin with a Mailstead backup header");
  if (h.format !== BACKUP_FORMAT) throw new BackupFileError("unsupported_format", `format ${String(h.format)}; this version reads format ${BACKUP_FORMAT}`);
  if (typeof h.migration !== "string" || !Array.isArray(h.tables) || typeof h.createdAt !== "string") {
    throw new BackupFileError("not_a_backup", "the header lacks its migration, creation time or table list");
  }
  return h as BackupHeader;
}

export function encodeSection(table: string, rows: number): string {
  return JSON.stringify({ table, rows });
}

/** One row; `binary` lists the column positions that hold Buffers. */
export function encodeRow(row: CellValue[], binary: number[]): string {
  if (binary.length === 0) return JSON.stringify(row);
  const out: unknown[] = row.slice();
  for (const i of binary) {
    const v = row[i];
    if (Buffer.isBuffer(v)) out[i] = { $b: v.toString("base64") };
  }
  return JSON.stringify(out);
}

export function decodeRow(line: string, binary: number[]): CellValue[] {
  const row = JSON.parse(line) as unknown[];
  if (!Array.isArray(row)) throw new Error("not a row");
  for (const i of binary) {
    const v = row[i] as { $b?: string } | null;
    if (v && typeof v === "object" && typeof v.$b === "string") row[i] = Buffer.from(v.$b, "base64");
  }
  return row as CellValue[];
}

export function encodeTrailer(tables: Record<string, number>, contentSha256: string): string {
  const rowCount = Object.values(tables).reduce((a, b) => a + b, 0);
  return JSON.stringify({ end: true, tables, rowCount, contentSha256 } satisfies BackupTrailer);
}

export type ParsedLine = { kind: "section"; table: string; rows: number } | { kind: "trailer"; trailer: BackupTrailer } | { kind: "row"; line: string };

/** Sorts a body line without parsing rows (a row is a JSON array, so it starts with "["). */
export function classifyLine(line: string): ParsedLine {
  if (line.startsWith("[")) return { kind: "row", line };
  const obj = JSON.parse(line) as { table?: unknown; rows?: unknown; end?: unknown };
  if (typeof obj.table === "string" && typeof obj.rows === "number") return { kind: "section", table: obj.table, rows: obj.rows };
  if (obj.end === true) return { kind: "trailer", trailer: obj as BackupTrailer };
  throw new Error("unexpected line");
}

/** The sidecar's text: `sha256sum -c <file>.sha256` checks the file with it. */
export function sidecarText(sha256: string, fileName: string): string {
  return `${sha256}  ${fileName}\n`;
}

export function parseSidecar(text: string): string | null {
  const m = /^([0-9a-f]{64})\s/.exec(text);
  return m?.[1] ?? null;
}
