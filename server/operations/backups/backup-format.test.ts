import { describe, expect, it } from "vitest";
import { BACKUP_FORMAT, BACKUP_MAGIC, BackupFileError, type BackupHeader, classifyLine, decodeHeader, decodeRow, encodeHeader, encodeRow, encodeSection, encodeTrailer, parseSidecar, sidecarText } from "./backup-format";
import { backupFileName, filesToDelete, isBackupFileName } from "./backup-files";
import { EXCLUDED_TABLES, INCLUDED_TABLES, unclassifiedTables } from "./backup-tables";

const header: BackupHeader = { magic: BACKUP_MAGIC, format: BACKUP_FORMAT, createdAt: "2026-11-27T03:00:00.000Z", migration: "20261129110000_backups", tables: [{ name: "T", columns: ["a", "b"], binary: [1], rows: 1 }] };

describe("rows", () => {
  it("round-trips every kind of value exactly: strings, numbers, null, bytes, JSON text, 4-byte UTF-8", () => {
    const row = ["2026-11-27 03:00:00.123", Buffer.from([0, 255, 10, 13, 0x22]), null, 9007199254740993n.toString(), 0.1 + 0.2, '{"a":[1,"é"]}', "邮箱 😀 \\ \n \"q\"", 0, 1];
    const decoded = decodeRow(encodeRow(row, [1]), [1]);
    expect(decoded).toEqual(row);
    expect(Buffer.isBuffer(decoded[1])).toBe(true);
    expect(decoded[4]).toBe(0.30000000000000004);
  });
  it("writes a row as one line (newlines inside values are escaped)", () => {
    expect(encodeRow(["a\nb"], [])).toBe('["a\\nb"]');
  });
  it("leaves a NULL in a binary column as null", () => {
    expect(decodeRow(encodeRow([null], [0]), [0])).toEqual([null]);
  });
});

describe("header", () => {
  it("reads its own header back", () => {
    expect(decodeHeader(encodeHeader(header))).toEqual(header);
  });
  it.each([
    ["another JSON document", '{"hello":1}', "not_a_backup"],
    ["plain text", "INSERT INTO …", "not_a_backup"],
    ["nothing", undefined, "not_a_backup"],
    ["a future format", JSON.stringify({ ...header, format: 99 }), "unsupported_format"],
    ["a header without its migration", JSON.stringify({ ...header, migration: undefined }), "not_a_backup"],
  ])("refuses %s", (_what, line, reason) => {
    const e = (() => {
      try {
        decodeHeader(line);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(BackupFileError);
    expect((e as BackupFileError).reason).toBe(reason);
  });
});

describe("body lines", () => {
  it("tells sections, rows and the trailer apart", () => {
    expect(classifyLine(encodeSection("Tenant", 3))).toEqual({ kind: "section", table: "Tenant", rows: 3 });
    expect(classifyLine('["x"]')).toEqual({ kind: "row", line: '["x"]' });
    const t = classifyLine(encodeTrailer({ A: 2, B: 3 }, "ab".repeat(32)));
    expect(t).toEqual({ kind: "trailer", trailer: { end: true, tables: { A: 2, B: 3 }, rowCount: 5, contentSha256: "ab".repeat(32) } });
  });
});

describe("sidecar", () => {
  it("is sha256sum's format and reads back", () => {
    const hash = "0123456789abcdef".repeat(4);
    expect(sidecarText(hash, "f.msbk")).toBe(`${hash}  f.msbk\n`);
    expect(parseSidecar(sidecarText(hash, "f.msbk"))).toBe(hash);
    expect(parseSidecar("garbage")).toBeNull();
  });
});

describe("file names and retention", () => {
  it("names a file by its UTC second", () => {
    expect(backupFileName(new Date("2026-11-27T03:00:00.456Z"))).toBe("mailstead-config-20261127T030000Z.msbk");
    expect(isBackupFileName("mailstead-config-20261127T030000Z.msbk")).toBe(true);
    expect(isBackupFileName(".mailstead-config-20261127T030000Z.msbk.123.tmp")).toBe(false);
  });
  it("keeps the newest N and never touches other files", () => {
    const days = Array.from({ length: 10 }, (_, i) => backupFileName(new Date(Date.UTC(2026, 10, 1 + i, 19))));
    const names = [...days].reverse().concat(["notes.txt", `${days[9]}.sha256`, ".x.tmp"]);
    expect(filesToDelete(names, 7)).toEqual([days[2], days[1], days[0]]);
    expect(filesToDelete(days.slice(0, 3), 7)).toEqual([]);
  });
  it("keeps at least the newest even when asked to keep none", () => {
    expect(filesToDelete(["mailstead-config-20261101T000000Z.msbk", "mailstead-config-20261102T000000Z.msbk"], 0)).toEqual(["mailstead-config-20261101T000000Z.msbk"]);
  });
});

describe("table classification", () => {
  it("lists no table as both included and excluded", () => {
    expect(INCLUDED_TABLES.filter((t) => t in EXCLUDED_TABLES)).toEqual([]);
    expect(new Set(INCLUDED_TABLES).size).toBe(INCLUDED_TABLES.length);
  });
  it("reports a table nobody classified", () => {
    expect(unclassifiedTables(["Tenant", "AuditEvent", "Shiny"])).toEqual(["Shiny"]);
  });
});
