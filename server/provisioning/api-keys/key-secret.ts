import { createHash, randomBytes } from "node:crypto";

/** Every key starts so: secret scanners (and people) recognise a leaked Mailstead key by it. */
export const KEY_PREFIX = "msk_live_";

export type NewKeySecret = { secret: string; prefix: string; secretHash: string };

/** SHA-256 of the whole key: the only form stored. A key is 256 random bits, so no slow hash is needed. */
export const hashKeySecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/**
 * A fresh key: `msk_live_<8 hex>_<43 base64url>`. The first part (prefix) is shown in lists and
 * the operation log to tell keys apart; the whole key is shown once and only its hash kept.
 */
export function newKeySecret(): NewKeySecret {
  const prefix = `${KEY_PREFIX}${randomBytes(4).toString("hex")}`;
  const secret = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix, secretHash: hashKeySecret(secret) };
}

/** Whether `value` has a key's shape; anything else is refused before a database read. */
export const looksLikeKey = (value: string) => /^msk_live_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/.test(value);
