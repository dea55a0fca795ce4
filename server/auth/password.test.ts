import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses argon2id with the chosen cost and a random salt", async () => {
    const a = await hashPassword("Mailstead#2026");
    const b = await hashPassword("Mailstead#2026");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it("verifies the right password only", async () => {
    const stored = await hashPassword("Right#Pass1");
    expect(await verifyPassword(stored, "Right#Pass1")).toBe(true);
    expect(await verifyPassword(stored, "right#pass1")).toBe(false);
  });

  it("answers false, not an exception, for a damaged hash", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("keeps one dummy hash per process for unknown e-mails", async () => {
    expect(await dummyHash()).toBe(await dummyHash());
  });
});
