import { hashPassword, needsRehash } from "@/server/auth/password";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { sendMail } from "@/server/shared/mailer";
import type { GateAccount } from "./gate.types";
import { networkKeyOf } from "./lockout-rules";
import { newNetworkMail } from "./new-network-mail";

const log = logger("auth.gate");

/**
 * Remembers the network (/24, /48) of a successful sign-in and says whether it is new: the account
 * had signed in from at least one other network and never from this one. The very first sign-in
 * only records its network (there is nothing to compare with).
 */
export async function noteNetwork(account: GateAccount, ip: string | null, now: Date): Promise<{ network: string | null; isNew: boolean }> {
  const network = networkKeyOf(ip);
  if (!network) return { network: null, isNew: false };
  const key = { accountKind: account.kind, accountId: account.id };
  const known = await db.knownNetwork.findMany({ where: key, select: { network: true } });
  const seen = known.some((k) => k.network === network);
  const isNew = !seen && known.length > 0;
  // One statement, not Prisma's upsert (a read then a write): mail clients open several
  // connections at once, and their first sign-ins from one network race to insert it.
  await db.$executeRaw`INSERT INTO KnownNetwork (accountKind, accountId, network, firstSeenAt, lastSeenAt)
    VALUES (${account.kind}, ${account.id}, ${network}, ${now}, ${now})
    ON DUPLICATE KEY UPDATE lastSeenAt = GREATEST(lastSeenAt, VALUES(lastSeenAt))`;
  return { network, isNew };
}

/**
 * What a verified sign-in updates on the account: a password hash made with older argon2
 * parameters is replaced (the plain password is only in hand now), and the last sign-in time
 * and address. A failed rehash keeps the old, still valid hash.
 */
export async function updateSignedInAccount(account: GateAccount, password: string, ip: string | null, now: Date): Promise<void> {
  let passwordHash: string | undefined;
  if (needsRehash(account.passwordHash)) passwordHash = await hashPassword(password).catch(() => undefined);
  const data = { lastLoginAt: now, lastLoginIp: ip?.slice(0, 45) ?? null, ...(passwordHash ? { passwordHash } : {}) };
  // Only if the hash is still the one verified: a password changed meanwhile is not overwritten.
  const where = { id: account.id, passwordHash: account.passwordHash };
  const updated = account.kind === "user" ? await db.user.updateMany({ where, data }) : await db.mailbox.updateMany({ where, data });
  if (updated.count === 0 && passwordHash) log.info("rehash skipped: the password changed meanwhile", { kind: account.kind, id: account.id });
}

/** Tells the account about a sign-in from a new network. Never awaited by the sign-in, never fails it. */
export function sendNewNetworkMail(account: GateAccount, ip: string, network: string, channel: string, now: Date): Promise<void> {
  return sendMail({ to: [account.email], ...newNetworkMail({ name: account.name, account: account.email, ip, network, at: now, channel }) })
    .then(() => undefined)
    .catch((error) => log.warn("new-network e-mail not sent", { to: account.email, error: String(error) }));
}
