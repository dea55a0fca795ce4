import { describe, expect, it } from "vitest";
import { parseImportFile } from "./parse-import-file";

const bytes = (s: string) => Buffer.from(s, "utf8");

describe("parseImportFile", () => {
  it("numbers rows as the spreadsheet does, skipping blank and Excel-blank rows", () => {
    const r = parseImportFile(bytes("\uFEFF邮箱地址/address,姓名/display name\r\na@x.com,A\r\n\r\n,,\r\nb@x.com,\"B, the second\"\r\n"));
    expect(r).toEqual({
      ok: true,
      encoding: "utf-8",
      header: { columns: { address: 0, displayName: 1 }, width: 2 },
      records: [
        { row: 2, cells: ["a@x.com", "A"] },
        { row: 5, cells: ["b@x.com", "B, the second"] },
      ],
    });
  });

  it("keeps a short row (its missing cells are empty) and a long one for the row check", () => {
    const r = parseImportFile(bytes("address,mobile\na@x.com\nb@x.com,1,extra\n"));
    expect(r.ok && r.records.map((x) => x.cells.length)).toEqual([1, 3]);
  });

  it("says where a quote is left open", () => {
    const r = parseImportFile(bytes('address,name\na@x.com,"open\nb@x.com,B\n'));
    expect(r.ok ? null : r.problems[0]!.en).toMatch(/^The CSV cannot be read.*unclosed quote/);
  });
});
