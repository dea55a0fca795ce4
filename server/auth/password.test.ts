import { describe, expect, it } from "vitest";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password";

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

describe("needsRehash", () => {
  const current = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
  it("keeps a hash made with the configured parameters", () => {
    expect(needsRehash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA", current)).toBe(false);
  });
  it("re-hashes when memory, passes or lanes changed", () => {
    expect(needsRehash("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aA", current)).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=19456,t=3,p=1$c2FsdA$aA", current)).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=19456,t=2,p=4$c2FsdA$aA", current)).toBe(true);
  });
  it("re-hashes another algorithm or a damaged hash", () => {
    expect(needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aA", current)).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuv", current)).toBe(true);
  });
});
