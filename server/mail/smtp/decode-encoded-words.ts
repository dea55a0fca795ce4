import iconv from "iconv-lite";

// RFC 2047 encoded words in a header value: =?charset?B?…?= and =?charset?Q?…?=. Chinese
// clients still send GB2312/GBK; we decode those with GB18030, their superset, so a sender
// that labels GBK text "gb2312" (common) still reads right.
const WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
const SUPERSETS: Record<string, string> = { gb2312: "gb18030", gbk: "gb18030", "x-gbk": "gb18030", cp936: "gb18030" };

function charsetOf(label: string): string | null {
  const name = label.split("*")[0]!.toLowerCase(); // RFC 2231 language suffix: utf-8*en
  const chosen = SUPERSETS[name] ?? name;
  return iconv.encodingExists(chosen) ? chosen : null;
}

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === "B") return Buffer.from(text, "base64");
  // Q: "_" is a space, =XX a byte, everything else itself.
  const s = text.replace(/_/g, " ");
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s[i] === "=" ? s.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

/**
 * Decodes the encoded words of an unfolded header value. Adjacent encoded words are joined
 * without the white space between them (RFC 2047 §6.2), and consecutive words of one charset
 * are decoded together, because senders split multi-byte characters across words. A word with
 * an unknown charset is left as it is.
 */
export function decodeEncodedWords(value: string): string {
  type Part = { text: string } | { charset: string; bytes: Buffer };
  const parts: Part[] = [];
  let last = 0;
  for (const m of value.matchAll(WORD)) {
    const between = value.slice(last, m.index);
    const prev = parts[parts.length - 1];
    const charset = charsetOf(m[1]!);
    last = m.index + m[0].length;
    if (!charset) {
      parts.push({ text: between + m[0] });
      continue;
    }
    const bytes = wordBytes(m[2]!, m[3]!);
    const adjacent = prev && "bytes" in prev && /^[ \t]*$/.test(between);
    if (adjacent && prev.charset === charset) prev.bytes = Buffer.concat([prev.bytes, bytes]);
    else {
      if (!adjacent && between) parts.push({ text: between });
      parts.push({ charset, bytes });
    }
  }
  parts.push({ text: value.slice(last) });
  return parts.map((p) => ("text" in p ? p.text : iconv.decode(p.bytes, p.charset))).join("");
}
