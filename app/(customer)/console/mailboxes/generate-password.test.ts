import { describe, expect, it } from "vitest";
import { passwordProblems } from "@/server/tenants/passwords/password-rule";
import { generatePassword } from "./generate-password";

describe("generatePassword", () => {
  it("always passes the server's password rule, and differs each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(12);
      expect(passwordProblems(p, "zhang.san@example.com")).toEqual([]);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });
});
