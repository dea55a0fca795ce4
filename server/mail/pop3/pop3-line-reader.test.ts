import { describe, expect, it } from "vitest";
import { LINE_TOO_LONG, LineReader } from "./pop3-line-reader";

const b = (s: string) => Buffer.from(s, "latin1");

describe("LineReader", () => {
  it("splits CRLF and bare LF lines, across chunks", () => {
    const r = new LineReader(100);
    expect(r.push(b("USER a\r\nNO"))).toEqual(["USER a"]);
    expect(r.push(b("OP\nSTAT\r"))).toEqual(["NOOP"]);
    expect(r.push(b("\n\r\n"))).toEqual(["STAT", ""]);
  });

  it("reports an overlong line once and reads the next line normally", () => {
    const r = new LineReader(10);
    expect(r.push(b("x".repeat(25) + "\r\nQUIT\r\n"))).toEqual([LINE_TOO_LONG, "QUIT"]);
  });

  it("drops an overlong line arriving in many chunks without buffering it", () => {
    const r = new LineReader(10);
    expect(r.push(b("x".repeat(8)))).toEqual([]);
    expect(r.push(b("x".repeat(8)))).toEqual([LINE_TOO_LONG]);
    for (let i = 0; i < 100; i++) expect(r.push(b("y".repeat(1000)))).toEqual([]);
    expect(r.push(b("yyy\r\nSTAT\r\n"))).toEqual(["STAT"]);
  });

  it("decodes UTF-8 (passwords may hold any character)", () => {
    expect(new LineReader(100).push(Buffer.from("PASS 密码 x\r\n"))).toEqual(["PASS 密码 x"]);
  });

  it("forgets a partial line on reset", () => {
    const r = new LineReader(100);
    r.push(b("USER injected"));
    r.reset();
    expect(r.push(b("CAPA\r\n"))).toEqual(["CAPA"]);
  });
});
