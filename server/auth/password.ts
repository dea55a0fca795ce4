import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package declares it as a const enum, which isolatedModules cannot read.
const ARGON2ID = 2;

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes): slow enough to make
// offline guessing expensive, fast enough (~30 ms here) for a sign-in form.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so both failures cost the same time and an
// attacker cannot tell which addresses exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("mailstead-timing-equaliser");
  return dummy;
}
