import { describe, expect, it } from "vitest";
import { checkTotpCode, groupedSecret, newTotpSecret, totpCodeAt, totpUri } from "./totp-code";

// RFC 6238 appendix B: SHA-1 key "12345678901234567890" (base32 below), 8-digit codes; the
// last six digits are the 6-digit code of the same step.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP codes", () => {
  it("matches the RFC 6238 SHA-1 test vectors (last six digits)", async () => {
    expect(await totpCodeAt(RFC_SECRET, at(59))).toBe("287082"); // 94287082
    expect(await totpCodeAt(RFC_SECRET, at(1111111109))).toBe("081804"); // 07081804
    expect(await totpCodeAt(RFC_SECRET, at(1234567890))).toBe("005924"); // 89005924
    expect(await totpCodeAt(RFC_SECRET, at(2000000000))).toBe("279037"); // 69279037
  });

  it("accepts the current step and one either side, nothing further", async () => {
    const now = at(1_800_000_015); // step 60_000_000, 15 s into it
    const step = 60_000_000;
    for (const offset of [-1, 0, 1]) {
      const code = await totpCodeAt(RFC_SECRET, at((step + offset) * 30));
      expect(await checkTotpCode(RFC_SECRET, code, now, null)).toEqual({ result: "ok", step: step + offset });
    }
    for (const offset of [-2, 2]) {
      const code = await totpCodeAt(RFC_SECRET, at((step + offset) * 30));
      expect(await checkTotpCode(RFC_SECRET, code, now, null)).toEqual({ result: "invalid" });
    }
  });

  it("calls a code of the last accepted step or earlier a replay", async () => {
    const now = at(1_800_000_015);
    const current = await totpCodeAt(RFC_SECRET, now);
    const previous = await totpCodeAt(RFC_SECRET, at(1_800_000_015 - 30));
    expect(await checkTotpCode(RFC_SECRET, current, now, 60_000_000)).toEqual({ result: "replayed" });
    expect(await checkTotpCode(RFC_SECRET, previous, now, 60_000_000)).toEqual({ result: "replayed" });
    expect(await checkTotpCode(RFC_SECRET, current, now, 59_999_999)).toEqual({ result: "ok", step: 60_000_000 });
  });

  it("refuses anything that is not six digits", async () => {
    for (const code of ["", "12345", "1234567", "12345a", "abcdef"]) {
      expect(await checkTotpCode(RFC_SECRET, code, at(59), null)).toEqual({ result: "invalid" });
    }
  });

  it("makes 160-bit base32 secrets, an otpauth URI and a grouped key", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
    const uri = new URL(totpUri(secret, "Mailstead 企业邮箱", "a@b.cn"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Mailstead 企业邮箱");
    expect(decodeURIComponent(uri.pathname)).toContain("a@b.cn");
  });
});
