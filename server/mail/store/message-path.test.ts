import { describe, expect, it } from "vitest";
import { messageIdOfFile, resolveStorePath, storedMessagePath } from "./message-path";

const ID = "01JDX0Q7ZK8M3N4P5Q6R7S8T9V";

describe("storedMessagePath", () => {
  it("files a message by its UTC hour", () => {
    expect(storedMessagePath(ID, new Date("2026-11-26T07:59:59.999Z"))).toBe(`2026/11/26/07/${ID}.eml`);
    expect(storedMessagePath(ID, new Date("2026-01-02T23:00:00+08:00"))).toBe(`2026/01/02/15/${ID}.eml`);
  });
  it("refuses an id that is not a ULID, so no id can name a path", () => {
    expect(() => storedMessagePath("../../etc/passwd", new Date())).toThrow(/not a ULID/);
    expect(() => storedMessagePath(ID.toLowerCase(), new Date())).toThrow(/not a ULID/);
  });
  it("refuses an invalid date", () => {
    expect(() => storedMessagePath(ID, new Date("nope"))).toThrow(/invalid receivedAt/);
  });
});

describe("messageIdOfFile", () => {
  it("reads the id back from a store file name", () => {
    expect(messageIdOfFile(`${ID}.eml`)).toBe(ID);
    expect(messageIdOfFile(`${ID}.tmp`)).toBeNull();
    expect(messageIdOfFile("notes.eml")).toBeNull();
  });
});

describe("resolveStorePath", () => {
  const root = "/data/store";
  it("resolves paths inside the store", () => {
    expect(resolveStorePath(root, `2026/11/26/07/${ID}.eml`)).toBe(`/data/store/2026/11/26/07/${ID}.eml`);
  });
  it.each(["../secret", "2026/../../secret", "/etc/passwd", "C:\\x", "", "a\0b", ".", "2026/.."])("refuses %j", (p) => {
    expect(() => resolveStorePath(root, p)).toThrow(/store path/);
  });
});
