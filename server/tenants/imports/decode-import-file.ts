import iconv from "iconv-lite";
import { say, type Localized } from "@/server/shared/errors";

// Which encoding a CSV is in. Chinese Excel saves "CSV (逗号分隔)" in the ANSI code page, GBK;
// "CSV UTF-8" with a BOM; scripts write UTF-8 without one. No detector library is needed for
// these two: a UTF-8 decoder in fatal mode rejects almost every GBK text with Chinese in it (GBK's
// lead bytes 0x81–0xFE followed by 0x40–0xFE are rarely a valid UTF-8 sequence, and a whole name
// column never is), and pure ASCII is the same in both. So: BOM or valid UTF-8 → UTF-8, else
// GB18030 (the superset of GBK and GB2312, so every GBK file decodes the same). Statistical
// detectors (chardet) guess between dozens of encodings and mistake short Chinese files for
// Shift-JIS or EUC-KR; this rule cannot.

export type DecodedFile = { ok: true; text: string; encoding: "utf-8" | "gb18030" } | { ok: false; problem: Localized };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export const NOT_TEXT = say(
  "This is not a CSV text file (it contains binary data). Save the sheet as “CSV UTF-8” or “CSV (comma delimited)” and upload that",
  "这不是 CSV 文本文件（包含二进制内容）。请在 Excel 中“另存为” CSV UTF-8 或 CSV（逗号分隔）格式后再上传",
);

export function decodeImportFile(bytes: Uint8Array): DecodedFile {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, problem: say("This file is UTF-16 (Excel's “Unicode text”): save it as “CSV UTF-8” instead", "该文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为 CSV UTF-8 格式") };
  }
  // A NUL byte never appears in a text CSV in either encoding: spreadsheets (xlsx is a zip),
  // images and other binaries almost always have one in their first kilobytes.
  if (bytes.includes(0)) return { ok: false, problem: NOT_TEXT };
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return checkText(text, "utf-8");
  } catch {
    return checkText(iconv.decode(Buffer.from(body), "gb18030"), "gb18030");
  }
}

/** Control characters other than tab and line ends, or bytes GB18030 could not map: not text. */
function checkText(text: string, encoding: "utf-8" | "gb18030"): DecodedFile {
  if (/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(text)) return { ok: false, problem: NOT_TEXT };
  return { ok: true, text, encoding };
}
