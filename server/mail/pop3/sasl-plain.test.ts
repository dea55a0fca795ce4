import { describe, expect, it } from "vitest";
import { decodeSaslPlain } from "./sasl-plain";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("decodeSaslPlain", () => {
  it("decodes authzid, user and password", () => {
    expect(decodeSaslPlain(b64("\0ann@a.example\0p w"))).toEqual({ authzid: "", username: "ann@a.example", password: "p w" });
    expect(decodeSaslPlain(b64("ann@a.example\0ann@a.example\0密码"))).toEqual({ authzid: "ann@a.example", username: "ann@a.example", password: "密码" });
  });

  it.each([["not base64!"], [""], [b64("ann\0pw")], [b64("\0\0pw")], [b64("\0ann\0")], [b64("a\0b\0c\0d")], ["QUJD="]])("refuses %j", (response) => {
    expect(decodeSaslPlain(response)).toBeNull();
  });
});
