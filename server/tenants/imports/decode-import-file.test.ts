import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeImportFile } from "./decode-import-file";

const text = "邮箱地址,姓名,部门\nzhang.san@example.com,张三,销售部/华东区\n";

describe("decodeImportFile", () => {
  it("reads UTF-8 with and without a BOM", () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeImportFile(plain)).toEqual({ ok: true, text, encoding: "utf-8" });
    expect(decodeImportFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]))).toEqual({ ok: true, text, encoding: "utf-8" });
  });

  it("reads GBK, as Chinese Excel saves it", () => {
    expect(decodeImportFile(iconv.encode(text, "gbk"))).toEqual({ ok: true, text, encoding: "gb18030" });
  });

  it("reads a short GBK name that is not valid UTF-8 (one two-byte character)", () => {
    const r = decodeImportFile(iconv.encode("address,姓名\na@example.com,王\n", "gbk"));
    expect(r).toMatchObject({ ok: true, encoding: "gb18030" });
    if (r.ok) expect(r.text).toContain("王");
  });

  it("refuses binary data: NUL bytes, control characters, undecodable bytes, UTF-16", () => {
    const refused = (bytes: Uint8Array) => {
      const r = decodeImportFile(bytes);
      return r.ok ? null : r.problem.en;
    };
    expect(refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14]))).toContain("not a CSV text file");
    expect(refused(Buffer.from("a,b\x07\n"))).toContain("not a CSV text file");
    expect(refused(Buffer.from([0x61, 0x2c, 0xff, 0xff, 0xff]))).toContain("not a CSV text file");
    expect(refused(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toContain("UTF-16");
  });
});
