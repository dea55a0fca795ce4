import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/server/shared/env";

// A TOTP secret lets anyone who reads it mint codes, so a database dump must not carry it in
// clear. The key is derived from AUTH_SECRET (HKDF-SHA256) rather than a variable of its own:
// rotating AUTH_SECRET already signs everyone out, and then also asks everyone to enrol again.
const VERSION = "v1";
const SALT = "mailstead/totp-secret";
const INFO = "aes-256-gcm key v1";

function keyFrom(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, SALT, INFO, 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts; a fresh 96-bit IV each time. */
export function sealSecret(plain: string, authSecret: string = env().AUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(authSecret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain secret, or null when the text was altered, is not ours, or was sealed under another AUTH_SECRET. */
export function openSecret(sealed: string, authSecret: string = env().AUTH_SECRET): string | null {
  const [version, iv, tag, body, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined || rest.length) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(authSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
