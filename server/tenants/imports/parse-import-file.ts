import { parse } from "csv-parse/sync";
import { say, type Localized } from "@/server/shared/errors";
import { decodeImportFile } from "./decode-import-file";
import { mapHeader, type ImportHeader } from "./import-columns";

// The file-level checks of an import, before any row is looked at (pure). A file that fails
// here is refused whole: no import row, nothing stored.

/** 10 MiB holds ~100,000 typical rows, five times the row limit; larger is not a mailbox list. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** One import at most; larger organisations import by department. */
export const MAX_IMPORT_ROWS = 20_000;

export const tooLarge = (bytes?: number): Localized =>
  say(
    `The file is too large${bytes ? ` (${(bytes / 1048576).toFixed(1)} MB)` : ""}: at most 10 MB (about ${MAX_IMPORT_ROWS.toLocaleString("en")} rows) per import. Split it, e.g. by department`,
    `文件过大${bytes ? `（${(bytes / 1048576).toFixed(1)} MB）` : ""}：每次导入最多 10 MB（约 ${MAX_IMPORT_ROWS} 行）。请拆分文件，例如按部门分批导入`,
  );

export const EMPTY_FILE = say("The file is empty: fill in the template's rows below its header and upload it again", "文件是空的：请在模板表头下方填写数据后再上传");

export type ParsedImportFile =
  | { ok: true; encoding: "utf-8" | "gb18030"; header: ImportHeader; records: { row: number; cells: string[] }[] }
  | { ok: false; problems: Localized[] };

const refuse = (...problems: Localized[]): ParsedImportFile => ({ ok: false, problems });

export function parseImportFile(bytes: Uint8Array): ParsedImportFile {
  if (bytes.length > MAX_IMPORT_BYTES) return refuse(tooLarge(bytes.length));
  if (bytes.length === 0) return refuse(EMPTY_FILE);
  const decoded = decodeImportFile(bytes);
  if (!decoded.ok) return refuse(decoded.problem);
  let table: string[][];
  try {
    // relax_column_count: a short or long row is reported on its own row, not as a broken file.
    // Empty lines are kept (and dropped below) so each row keeps its spreadsheet row number.
    table = parse(decoded.text, { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return refuse(say(`The CSV cannot be read${line ? ` near line ${line}` : ""}: check for an unclosed quote (")`, `无法读取 CSV${line ? `（第 ${line} 行附近）` : ""}：请检查是否有未闭合的引号（"）`));
  }
  // Rows of empty cells (Excel writes ",,,," for formatted blank rows) are not data.
  const rows = table.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [head, ...data] = rows;
  if (!head) return refuse(EMPTY_FILE);
  const header = mapHeader(head.cells);
  if (!header.ok) return refuse(...header.problems);
  if (data.length === 0) return refuse(say("The file has a header but no rows: add one row per mailbox below it", "文件只有表头，没有数据：请在表头下方每行填写一个邮箱"));
  if (data.length > MAX_IMPORT_ROWS) {
    return refuse(say(`The file has ${data.length.toLocaleString("en")} rows: at most ${MAX_IMPORT_ROWS.toLocaleString("en")} per import. Split it, e.g. by department`, `文件有 ${data.length} 行：每次最多导入 ${MAX_IMPORT_ROWS} 行。请拆分文件，例如按部门分批导入`));
  }
  return { ok: true, encoding: decoded.encoding, header: { columns: header.columns, width: header.width }, records: data };
}
