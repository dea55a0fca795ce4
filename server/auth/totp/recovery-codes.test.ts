import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("makes ten distinct codes like ab3k-9xq2 without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
      expect(code).not.toMatch(/[01oil]/);
    }
  });

  it("reads codes typed in capitals, with spaces or without the dash", () => {
    expect(normaliseRecoveryCode("AB3K 9XQ2")).toBe("ab3k-9xq2");
    expect(normaliseRecoveryCode(" ab3k9xq2 ")).toBe("ab3k-9xq2");
    expect(normaliseRecoveryCode("ab3k-9xq2")).toBe("ab3k-9xq2");
  });

  it("refuses what cannot be a code", () => {
    for (const text of ["", "ab3k-9xq", "ab3k-9xq22", "ab0k-9xq2", "abik-9xq2", "123456"]) expect(normaliseRecoveryCode(text)).toBeNull();
  });

  it("stores a SHA-256 hex digest", () => {
    expect(hashRecoveryCode("ab3k-9xq2")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("ab3k-9xq2")).not.toBe(hashRecoveryCode("ab3k-9xq3"));
  });
});
