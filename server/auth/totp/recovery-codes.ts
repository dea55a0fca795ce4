import { createHash, randomInt } from "node:crypto";

// Recovery codes are read off paper and typed by hand: no 0/o, 1/l/i look-alikes.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;
const SHAPE = /^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/;

/** 8 characters of 31 ≈ 39.6 bits each; they are used once and only with the right password. */
export function newRecoveryCode(): string {
  const pick = () => ALPHABET[randomInt(ALPHABET.length)];
  const chars = Array.from({ length: 8 }, pick).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newRecoveryCode());
  return [...codes];
}

/** "AB3K 9XQ2", "ab3k9xq2", " ab3k-9xq2 " → "ab3k-9xq2"; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const bare = input.trim().toLowerCase().replace(/[\s-]/g, "");
  const code = bare.length === 8 ? `${bare.slice(0, 4)}-${bare.slice(4)}` : bare;
  return SHAPE.test(code) ? code : null;
}

/** Stored as SHA-256: the codes are random, so a slow hash would add nothing but latency. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}
