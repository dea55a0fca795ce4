import { hash, verify } from "@node-rs/argon2";
import { env } from "@/server/shared/env";

// Algorithm.Argon2id; the package declares it as a const enum, which isolatedModules cannot read.
const ARGON2ID = 2;

/**
 * argon2id's cost from configuration (ARGON2_*): by default OWASP's second profile (19 MiB,
 * 2 passes), slow enough to make offline guessing expensive and ~30 ms here for a sign-in form.
 */
export function argon2Options() {
  const e = env();
  return { algorithm: ARGON2ID, memoryCost: e.ARGON2_MEMORY_KIB, timeCost: e.ARGON2_TIME_COST, parallelism: e.ARGON2_PARALLELISM } as const;
}

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, argon2Options());
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/**
 * True when a stored hash was made with other parameters than the configured ones (or another
 * algorithm): the sign-in that just verified it re-hashes the password with the current ones.
 * Pure: reads the PHC string's `$argon2id$v=19$m=…,t=…,p=…$` header.
 */
export function needsRehash(stored: string, options: { memoryCost: number; timeCost: number; parallelism: number } = argon2Options()): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!m) return true;
  return Number(m[1]) !== options.memoryCost || Number(m[2]) !== options.timeCost || Number(m[3]) !== options.parallelism;
}

// Verified against when the e-mail is unknown, so both failures cost the same time and an
// attacker cannot tell which addresses exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("mailstead-timing-equaliser");
  return dummy;
}
