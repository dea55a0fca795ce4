import { describe, expect, it } from "vitest";
import { LOGO_MAX_BYTES, logoProblem, sniffImageType } from "./logo-rules";
import { effectiveStatus, mayHaveSubResellers, parentProblem } from "./tree-rules";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const WEBP = [...Buffer.from("RIFF"), 0x10, 0, 0, 0, ...Buffer.from("WEBPVP8 ")];
const dataUrl = (type: string, bytes: number[] | Buffer) => `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;
const padded = (head: number[], size: number) => Buffer.concat([Buffer.from(head), Buffer.alloc(size - head.length)]);

describe("logoProblem", () => {
  it.each([
    ["PNG", "image/png", PNG],
    ["JPEG", "image/jpeg", JPEG],
    ["JPEG labelled image/jpg", "image/jpg", JPEG],
    ["WebP", "image/webp", WEBP],
  ])("accepts a %s", (_what, type, bytes) => {
    expect(sniffImageType(Buffer.from(bytes))).not.toBeNull();
    expect(logoProblem(dataUrl(type, [...bytes, 1, 2, 3]))).toBeNull();
  });

  it("accepts exactly 200 KB and refuses one byte more", () => {
    expect(logoProblem(dataUrl("image/png", padded(PNG, LOGO_MAX_BYTES)))).toBeNull();
    expect(logoProblem(dataUrl("image/png", padded(PNG, LOGO_MAX_BYTES + 1)))?.en).toMatch(/larger than 200 KB/);
  });

  it("refuses SVG however it is labelled, saying why", () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(logoProblem(dataUrl("image/svg+xml", svg))?.en).toMatch(/SVG logos are not accepted/);
    expect(logoProblem(dataUrl("image/png", svg))?.en).toMatch(/SVG/);
    expect(logoProblem(`data:image/svg+xml;utf8,${svg.toString()}`)?.en).toMatch(/SVG/);
    expect(logoProblem(dataUrl("image/png", Buffer.from('<?xml version="1.0"?><svg/>')))?.["zh-CN"]).toMatch(/SVG/);
  });

  it("refuses a type that does not match the bytes, and bytes that are no image", () => {
    expect(logoProblem(dataUrl("image/png", JPEG))?.en).toMatch(/says it is image\/png but its content is image\/jpeg/);
    expect(logoProblem(dataUrl("image/gif", [...Buffer.from("GIF89a")]))?.en).toMatch(/PNG, JPEG or WebP/);
    expect(logoProblem(dataUrl("image/png", [])))?.toBeTruthy();
    expect(logoProblem(dataUrl("text/html", Buffer.from("<html>")))?.en).toMatch(/PNG, JPEG or WebP/);
  });

  it("refuses what is not a base64 data: URL", () => {
    expect(logoProblem("https://example.com/logo.png")?.en).toMatch(/image file uploaded/);
    expect(logoProblem("data:image/png;base64,@@@")?.en).toMatch(/image file uploaded/);
    expect(logoProblem("data:image/png;base64," + "A".repeat(400_000))?.en).toMatch(/larger than 200 KB/);
  });
});

describe("parentProblem", () => {
  const top = { id: "top", parentId: null };
  const otherTop = { id: "other", parentId: null };
  const sub = { id: "sub", parentId: "top" };

  it("lets a new or childless reseller go under a top-level one, or to the top", () => {
    expect(parentProblem(null, false, top)).toBeNull();
    expect(parentProblem(otherTop, false, top)).toBeNull();
    expect(parentProblem(sub, false, otherTop)).toBeNull();
    expect(parentProblem(sub, false, null)).toBeNull();
    expect(parentProblem(top, true, null)).toBeNull();
  });

  it("refuses a parent that is itself a sub-reseller (one level only)", () => {
    expect(parentProblem(null, false, sub)?.en).toMatch(/one level deep only/);
    expect(parentProblem(otherTop, false, sub)?.en).toMatch(/one level deep only/);
  });

  it("refuses a reseller with children becoming a sub-reseller, and a reseller under itself", () => {
    expect(parentProblem(otherTop, true, top)?.en).toMatch(/has sub-resellers of its own/);
    expect(parentProblem(top, false, top)?.en).toMatch(/its own parent/);
  });

  it("says who may have sub-resellers and when a reseller counts as suspended", () => {
    expect(mayHaveSubResellers(top)).toBe(true);
    expect(mayHaveSubResellers(sub)).toBe(false);
    expect(effectiveStatus({ status: "active", parent: null })).toBe("active");
    expect(effectiveStatus({ status: "active", parent: { status: "suspended" } })).toBe("suspended");
    expect(effectiveStatus({ status: "suspended", parent: { status: "active" } })).toBe("suspended");
  });
});
