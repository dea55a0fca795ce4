import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkDkim } from "./check-dkim";
import type { TxtRecord } from "./check-types";
import { dkimTxtValue, parseDkimRecord, rsaKeyBits, splitTxt } from "./dkim";
import { answer, codes, failed } from "./test-support";

const spki = (bits: number) =>
  generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ format: "der", type: "spki" }).toString("base64");
// A fixed key: the split tests name exact positions, and with a fresh random key the characters
// around a cut sometimes repeat, which makes where they were lost ambiguous.
const OURS =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6SgaHUc+3gzCe1isMS0Pt8DTx9k2K3XWgp9EClrT3F2iJJQlxtUf6YjWGergi3hXro0pL/wR3Lb6uNs3cjHVDW3b09AalSCDWFtLP19rE1mOE9GXOVqE7IcJLV+jvzSXOgSuu0LCQfbmcu25ffIrco5jFmIrChq9QFdUxH6Sh/69bXuD7LPgVmUd/IBKfnJm5+l3k5enLLrwDSqa1GaVd6nmiNy+XW4rGNWcKB+2PRMtYoDS389C19+bGpLKqEXptiqC0lmh76Usw+WH3xgTAJIFhZvbdlN/22f2+I4hmvvCB6OWeCcZqo9GaOA2CaEPflImokUk5IW01nqpuiHerQIDAQAB";
const OTHER = spki(2048);
const WHOLE = dkimTxtValue(OURS);
const PREFIX = "v=DKIM1; k=rsa; p=".length; // 18: key character i sits at value index 18 + i

const check = (...records: TxtRecord[]) => checkDkim("example.com", { selector: "ms1", publicKeyBase64: OURS }, [answer("r1", records)]);
const only = (...records: TxtRecord[]) => {
  const result = check(...records);
  return [result.status, codes(result)];
};

describe("dkim helpers", () => {
  it("splits a value into 255-character strings that join back to it", () => {
    const parts = splitTxt(WHOLE, 255);
    expect(parts.length).toBe(2);
    expect(parts[0]!.length).toBe(255);
    expect(parts.join("")).toBe(WHOLE);
    expect(splitTxt("abc", 2)).toEqual(["ab", "c"]);
    expect(splitTxt("", 255)).toEqual([""]);
    expect(() => splitTxt("abc", 0)).toThrow(RangeError);
  });

  it("reads the modulus size of an SPKI key, and null for anything else", () => {
    expect(rsaKeyBits(OURS)).toBe(2048);
    expect(rsaKeyBits(OURS.slice(0, 200))).toBeNull();
    expect(rsaKeyBits("not base64!")).toBeNull();
  });

  it("parses tags and flags v not first and a missing p", () => {
    expect(parseDkimRecord("v=DKIM1; k=rsa; p=AAAA;").tags.get("p")).toBe("AAAA");
    expect(parseDkimRecord("k=rsa; v=DKIM1; p=AAAA").errors.map((e) => e.code)).toEqual(["dkimVersionNotFirst"]);
    expect(parseDkimRecord("v=DKIM1; k=rsa").errors.map((e) => e.code)).toEqual(["dkimNoKey"]);
  });
});

describe("checkDkim", () => {
  it("is ok with our key, whole or as several strings of one record", () => {
    expect(check([WHOLE])).toEqual({ status: "ok", problems: [] });
    expect(check(splitTxt(WHOLE, 255))).toEqual({ status: "ok", problems: [] });
  });

  it("is missing without a record", () => {
    expect(only()).toEqual(["missing", ["dkimMissing"]]);
  });

  it("finds a key truncated at the panel's length limit", () => {
    const result = check([WHOLE.slice(0, 255)]);
    expect([result.status, codes(result)]).toEqual(["wrong", ["dkimKeyTruncated"]]);
    expect(result.problems[0]!.params).toMatchObject({ got: 255 - PREFIX, expected: OURS.length });
  });

  it("finds the key pasted as several TXT records instead of several strings of one record", () => {
    const pieces = splitTxt(WHOLE, 255).map((s) => [s]);
    expect(only(...pieces)).toEqual(["wrong", ["dkimSplitAcrossRecords"]]);
  });

  it("finds a key split in the middle of a base64 quad that lost characters", () => {
    // Cut at 255 (key index 237, inside a quad: 237 % 4 = 1) and two characters dropped there.
    const result = check([WHOLE.slice(0, 255), WHOLE.slice(257)]);
    expect([result.status, codes(result)]).toEqual(["wrong", ["dkimKeyLostMidQuad"]]);
    expect(result.problems[0]!.params).toEqual({ name: "ms1._domainkey.example.com", position: 238, lost: 2 });
  });

  it("finds characters lost at a quad boundary", () => {
    const cut = PREFIX + 236;
    expect(only([WHOLE.slice(0, cut), WHOLE.slice(cut + 4)])).toEqual(["wrong", ["dkimKeyLostCharacters"]]);
  });

  it("finds quotes pasted into the key, and accepts whitespace with a warning", () => {
    expect(only([WHOLE.slice(0, 255) + '" "' + WHOLE.slice(255)])).toEqual(["wrong", ["dkimKeyQuoted"]]);
    expect(only([WHOLE.slice(0, 255) + " " + WHOLE.slice(255)])).toEqual(["ok", ["dkimKeyWhitespace"]]);
  });

  it("finds a key that is not base64, not a public key, or not 2048 bits", () => {
    const garbled = OURS.slice(0, 100) + "!" + OURS.slice(101);
    expect(only([dkimTxtValue(garbled)])).toEqual(["wrong", ["dkimKeyNotBase64"]]);
    expect(only([dkimTxtValue("QUJDRA==")])).toEqual(["wrong", ["dkimKeyInvalid"]]);
    const small = check([dkimTxtValue(spki(1024))]);
    expect(codes(small)).toEqual(["dkimKeyWrongSize"]);
    expect(small.problems[0]!.params).toMatchObject({ bits: 1024, expected: 2048 });
  });

  it("finds a valid key that is not ours", () => {
    expect(only([dkimTxtValue(OTHER)])).toEqual(["wrong", ["dkimKeyNotOurs"]]);
  });

  it("finds two DKIM records, a revoked key, another key type, a malformed record and a non-DKIM record", () => {
    expect(only([WHOLE], [dkimTxtValue(OTHER)])).toEqual(["wrong", ["dkimMultipleRecords"]]);
    expect(only(["v=DKIM1; k=rsa; p="])).toEqual(["wrong", ["dkimKeyRevoked"]]);
    expect(only([`v=DKIM1; k=ed25519; p=${OURS}`])).toEqual(["wrong", ["dkimWrongKeyType"]]);
    expect(only([`k=rsa; v=DKIM1; p=${OURS}`])).toEqual(["wrong", ["dkimVersionNotFirst"]]);
    expect(only([`v=DKIM2; p=${OURS}`])).toEqual(["wrong", ["dkimBadVersion"]]);
    expect(only([`v=DKIM1; p=${OURS}; junk`])).toEqual(["wrong", ["dkimMalformedTag"]]);
    expect(only([`v=DKIM1; p=${OURS}; p=${OURS}`])).toEqual(["wrong", ["dkimDuplicateTag"]]);
    expect(only(["hello world"])).toEqual(["wrong", ["dkimNotDkim"]]);
  });

  it("uses the DKIM record when another TXT record shares the name", () => {
    expect(only(["some-other=thing"], [WHOLE])).toEqual(["ok", []]);
  });

  it("is pending while resolvers disagree and unknown when they fail, never wrong", () => {
    const key = { selector: "ms1", publicKeyBase64: OURS };
    expect(checkDkim("example.com", key, [answer("a", [[WHOLE]]), answer<TxtRecord>("b", [])]).status).toBe("pending");
    expect(checkDkim("example.com", key, [failed<TxtRecord>("a")]).status).toBe("unknown");
  });
});
