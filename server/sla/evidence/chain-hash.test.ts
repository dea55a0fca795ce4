import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dayHasher } from "./chain-hash";
import { sampleLine } from "./sample-line";
import { row } from "./sample-test-fixtures";

const sha256 = (...parts: (string | Buffer)[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();

describe("dayHasher", () => {
  it("hashes an empty first day to sha256 of nothing, and an empty later day to sha256 of the previous digest", () => {
    expect(dayHasher(null).digest().toString("hex")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const prev = sha256("day one");
    expect(dayHasher(prev).digest()).toEqual(sha256(prev));
  });

  it("is sha256(previous digest ‖ each line + newline), however the samples are paged", () => {
    const prev = sha256("previous");
    const rows = [row({ id: 1n }), row({ id: 2n, ok: false, error: "timeout" }), row({ id: 5n })];
    const expected = sha256(prev, ...rows.map((r) => `${sampleLine(r)}\n`));
    const whole = dayHasher(prev);
    whole.add(rows);
    const paged = dayHasher(prev);
    paged.add(rows.slice(0, 1));
    paged.add([]);
    paged.add(rows.slice(1));
    expect(whole.digest()).toEqual(expected);
    expect(paged.digest()).toEqual(expected);
    expect(paged.count).toBe(3);
  });

  it("links each day to the one before: another previous digest gives another digest", () => {
    const rows = [row({ id: 1n })];
    const a = dayHasher(sha256("a"));
    const b = dayHasher(sha256("b"));
    a.add(rows);
    b.add(rows);
    expect(a.digest()).not.toEqual(b.digest());
  });

  it("refuses samples out of id order and a previous digest of the wrong length", () => {
    const h = dayHasher(null);
    h.add([row({ id: 2n })]);
    expect(() => h.add([row({ id: 2n })])).toThrow(/ascending id order/);
    expect(() => dayHasher(Buffer.alloc(31))).toThrow(/32 bytes/);
  });
});
