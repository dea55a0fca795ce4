import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./seal-secret";

const KEY = "a-test-auth-secret-of-32-characters!!";

describe("sealing TOTP secrets", () => {
  it("opens what it sealed, with a fresh IV every time", () => {
    const a = sealSecret("JBSWY3DPEHPK3PXP", KEY);
    const b = sealSecret("JBSWY3DPEHPK3PXP", KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(a.length).toBeLessThanOrEqual(255); // the column's width
    expect(openSecret(a, KEY)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses a tampered ciphertext, tag or IV", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", KEY);
    const parts = sealed.split(".");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const i of [1, 2, 3]) {
      const altered = parts.map((p, j) => (j === i ? flip(p) : p)).join(".");
      expect(openSecret(altered, KEY)).toBeNull();
    }
  });

  it("refuses another AUTH_SECRET's seal and text that is not a seal", () => {
    expect(openSecret(sealSecret("JBSWY3DPEHPK3PXP", KEY), KEY + "x")).toBeNull();
    for (const text of ["", "JBSWY3DPEHPK3PXP", "v2.a.b.c", "v1.a.b", "v1.a.b.c.d"]) expect(openSecret(text, KEY)).toBeNull();
  });
});
