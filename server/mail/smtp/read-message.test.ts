import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readMessage, toCrlf } from "./read-message";

describe("toCrlf", () => {
  it("returns CRLF input as is (no copy)", () => {
    const b = Buffer.from("a\r\nb\r\n");
    expect(toCrlf(b)).toBe(b);
  });
  it.each([
    ["a\nb\n", "a\r\nb\r\n"],
    ["a\r\nb\nc", "a\r\nb\r\nc"],
    ["a\rb", "a\r\nb"],
    ["\n", "\r\n"],
  ])("%j → %j", (input, expected) => {
    expect(toCrlf(Buffer.from(input)).toString()).toBe(expected);
  });
  it("keeps 8-bit bytes", () => {
    expect([...toCrlf(Buffer.from([0xc4, 0x0a]))]).toEqual([0xc4, 0x0d, 0x0a]);
  });
});

describe("readMessage", () => {
  it("reads everything within the limit", async () => {
    const r = await readMessage(Readable.from([Buffer.from("abc"), Buffer.from("def")]), 6);
    expect(r).toEqual({ bytes: Buffer.from("abcdef"), size: 6, tooBig: false });
  });
  it("drains but keeps nothing past the limit", async () => {
    const r = await readMessage(Readable.from([Buffer.from("abc"), Buffer.from("def")]), 5);
    expect(r).toEqual({ bytes: Buffer.alloc(0), size: 6, tooBig: true });
  });
  it("rejects when the stream breaks", async () => {
    const s = new Readable({ read() {} });
    setImmediate(() => s.destroy(Object.assign(new Error("gone"), { code: "ECONNECTION" })));
    await expect(readMessage(s, 10)).rejects.toThrow("gone");
  });
});
