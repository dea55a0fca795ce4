import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether an Authorization header carries `Bearer <expected>`. Both sides are hashed first, so
 * the comparison is constant-time whatever the lengths (timingSafeEqual needs equal lengths, and
 * an early length check would tell an attacker the token's length).
 */
export function bearerMatches(header: string | null | undefined, expected: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  const given = createHash("sha256").update(m?.[1] ?? "").digest();
  const want = createHash("sha256").update(expected).digest();
  return timingSafeEqual(given, want) && m !== null && expected.length > 0;
}
