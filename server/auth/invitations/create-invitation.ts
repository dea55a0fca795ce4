import { createHash, randomBytes } from "node:crypto";
import { clock } from "@/server/shared/clock";
import type { db } from "@/server/shared/db";

/** How long an invitation link works: a week, like the seeds' account-opening notices. */
export const INVITATION_DAYS = 7;

type Tx = Pick<typeof db, "accountToken">;

/** The stored form of a token: its sha256, so a leaked table opens no account. */
export const tokenHashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * A password hash no password verifies against (not an argon2 string at all), for an invited
 * account that has not chosen its password yet.
 */
export const unusablePasswordHash = () => `!invited:${randomBytes(16).toString("hex")}`;

/**
 * A single-use link token for `userId` (an invitation, a password reset), stored as its hash
 * inside the caller's transaction. The token (32 random bytes, URL-safe) is returned once, for the
 * e-mail, and never stored.
 */
export async function issueAccountToken(tx: Tx, args: { userId: string; purpose: "invite" | "reset"; validMs: number }): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + args.validMs);
  await tx.accountToken.create({ data: { userId: args.userId, purpose: args.purpose, tokenHash: tokenHashOf(token), expiresAt, createdAt: now } });
  return { token, expiresAt };
}

/** A single-use invitation for `userId`, valid for INVITATION_DAYS. */
export function createInvitation(tx: Tx, args: { userId: string }): Promise<{ token: string; expiresAt: Date }> {
  return issueAccountToken(tx, { userId: args.userId, purpose: "invite", validMs: INVITATION_DAYS * 86_400_000 });
}
