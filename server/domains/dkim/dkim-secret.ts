import { hkdfSync } from "node:crypto";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";

const log = logger("dkim");
let warned = false;

/**
 * The 32-byte AES-256-GCM key that encrypts DKIM private keys at rest. Production must set
 * DKIM_KEY_SECRET (64 hex characters; `npm start` generates one into .env.local) and keep it:
 * losing it makes every stored DKIM key unreadable. Without it (tests, a first local run) the key is
 * derived from AUTH_SECRET with HKDF, so it is still stable per installation, and a warning is
 * logged once: rotating AUTH_SECRET would then lose the DKIM keys too.
 */
export function dkimEncryptionKey(): Buffer {
  const { DKIM_KEY_SECRET, AUTH_SECRET } = env();
  if (DKIM_KEY_SECRET) return Buffer.from(DKIM_KEY_SECRET, "hex");
  if (!warned) {
    warned = true;
    log.warn("DKIM_KEY_SECRET is not set: DKIM private keys are encrypted with a key derived from AUTH_SECRET; set it in production");
  }
  return Buffer.from(hkdfSync("sha256", AUTH_SECRET, "mailstead", "dkim-private-key-encryption", 32));
}
