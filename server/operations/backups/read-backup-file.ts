import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import {
  BackupFileError,
  classifyLine,
  decodeHeader,
  decodeRow,
  parseSidecar,
  type BackupHeader,
  type BackupTableHeader,
  type BackupTrailer,
  type CellValue,
} from "./backup-format";
import { hashTap } from "./hash-tap";

// Reads a backup file from end to end, checking everything it can: the gzip CRC and length, the
// header, each section's row count, the trailer's content hash, and the sidecar's hash of the
// compressed bytes. Restore reads the file once with no handlers (verify) before it touches the
// database, then again with handlers to insert.

export type ReadHandlers = {
  onTable?: (table: BackupTableHeader) => Promise<void> | void;
  onRow?: (table: BackupTableHeader, row: CellValue[]) => Promise<void> | void;
  onTableEnd?: (table: BackupTableHeader) => Promise<void> | void;
};

export type VerifiedBackup = { header: BackupHeader; trailer: BackupTrailer; sha256: string; bytes: number; sidecar: "matched" | "missing" };

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export async function readBackupFile(filePath: string, handlers: ReadHandlers = {}): Promise<VerifiedBackup> {
  await checkGzipMagic(filePath);
  const tap = hashTap();
  let result: { header: BackupHeader; trailer: BackupTrailer } | undefined;
  // Plain pipes rather than stream.pipeline with an async consumer: that reports an error thrown
  // by the consumer (a refusal, a failed INSERT) as a bare AbortError.
  const file = createReadStream(filePath);
  const gunzip = createGunzip();
  file.on("error", (e) => gunzip.destroy(e));
  file.pipe(tap.stream).pipe(gunzip);
  try {
    result = await consumeLines(splitLines(gunzip), handlers);
  } catch (e) {
    throw asRefusal(e);
  } finally {
    file.destroy();
    gunzip.destroy();
  }
  if (!result) throw new BackupFileError("truncated", "the file ended before its trailer");
  const sha256 = tap.digest();
  const sidecar = await readSidecar(filePath);
  if (sidecar !== null && sidecar !== sha256) {
    throw new BackupFileError("checksum_mismatch", `the file's SHA-256 is ${sha256}, its .sha256 file says ${sidecar}`);
  }
  return { ...result, sha256, bytes: tap.bytes(), sidecar: sidecar === null ? "missing" : "matched" };
}

async function consumeLines(lines: AsyncIterable<string>, handlers: ReadHandlers): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const content = createHash("sha256");
  let header: BackupHeader | undefined;
  let table: BackupTableHeader | undefined;
  let tableIndex = -1;
  let rowsInTable = 0;
  const counts: Record<string, number> = {};
  const closeTable = async () => {
    if (!table) return;
    if (rowsInTable !== table.rows) throw damaged(`table ${table.name} has ${rowsInTable} rows, its header says ${table.rows}`);
    counts[table.name] = rowsInTable;
    await handlers.onTableEnd?.(table);
  };
  for await (const line of lines) {
    if (!header) {
      header = decodeHeader(line);
      content.update(line + "\n");
      continue;
    }
    let parsed;
    try {
      parsed = classifyLine(line);
    } catch {
      throw damaged("a line of the file is not valid JSON");
    }
    if (parsed.kind === "trailer") {
      await closeTable();
      checkTrailer(header, parsed.trailer, counts, content.digest("hex"));
      return { header, trailer: parsed.trailer };
    }
    content.update(line + "\n");
    if (parsed.kind === "section") {
      await closeTable();
      table = header.tables[++tableIndex];
      if (!table || table.name !== parsed.table) throw damaged(`section ${parsed.table} is not the table the header lists next`);
      rowsInTable = 0;
      await handlers.onTable?.(table);
    } else {
      if (!table) throw damaged("a row before any table section");
      rowsInTable++;
      if (handlers.onRow) {
        let row: CellValue[];
        try {
          row = decodeRow(parsed.line, table.binary);
        } catch {
          throw damaged(`a row of ${table.name} is not valid JSON`);
        }
        await handlers.onRow(table, row);
      }
    }
  }
  if (!header) throw new BackupFileError("not_a_backup", "the file is empty");
  throw new BackupFileError("truncated", "the file ended before its trailer");
}

function checkTrailer(header: BackupHeader, trailer: BackupTrailer, counts: Record<string, number>, contentSha256: string) {
  if (trailer.contentSha256 !== contentSha256) throw damaged("the content does not match the SHA-256 in the file's trailer");
  for (const t of header.tables) {
    if (trailer.tables[t.name] !== counts[t.name]) throw damaged(`table ${t.name}: trailer counts ${trailer.tables[t.name]}, file holds ${counts[t.name] ?? 0}`);
  }
}

async function* splitLines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // A chunk can end inside a multi-byte character: the decoder keeps the partial bytes.
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of source) {
    const text = rest + decoder.write(chunk);
    const parts = text.split("\n");
    rest = parts.pop() ?? "";
    for (const p of parts) yield p;
  }
  // A last line without "\n" can only be a cut-off file: every line the writer emits ends with one.
  rest += decoder.end();
  if (rest) throw new BackupFileError("truncated", "the file ends in the middle of a line");
}

const damaged = (detail: string) => new BackupFileError("checksum_mismatch", detail);

/** zlib's own verdicts: a cut stream ends early; a changed byte breaks a block or the CRC. */
function asRefusal(e: unknown): Error {
  if (e instanceof BackupFileError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(err?.message ?? "")) {
    return new BackupFileError("truncated", "the compressed stream ends early");
  }
  if (typeof err?.code === "string" && err.code.startsWith("Z_")) return new BackupFileError("checksum_mismatch", `gzip reports: ${err.message}`);
  return err instanceof Error ? err : new Error(String(e));
}

async function checkGzipMagic(filePath: string): Promise<void> {
  const fh = await open(filePath, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    if (bytesRead === 0) throw new BackupFileError("truncated", "the file is empty");
    if (bytesRead < 2 || !head.equals(GZIP_MAGIC)) throw new BackupFileError("not_a_backup", "the file is not gzip-compressed");
  } finally {
    await fh.close();
  }
}

async function readSidecar(filePath: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(`${filePath}.sha256`, "utf8");
  } catch {
    return null;
  }
  const hash = parseSidecar(text);
  if (!hash) throw new BackupFileError("checksum_mismatch", `${filePath}.sha256 does not hold a SHA-256`);
  return hash;
}
