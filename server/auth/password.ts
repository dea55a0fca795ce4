import { hash, verify, Algorithm } from "@node-rs/argon2";

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes): slow enough to make
// offline guessing expensive, fast enough (~30 ms here) for a sign-in form.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

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
