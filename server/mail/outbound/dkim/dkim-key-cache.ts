import { createPrivateKey, type KeyObject } from "node:crypto";
import { activeDkimKey } from "@/server/domains/dkim/decrypt-dkim-key";
import { DkimDecryptionError } from "@/server/domains/dkim/dkim-cipher";
import { TtlCache } from "@/server/mail/accept/ttl-cache";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";

// The relay signs every message, so a domain's signing key is read, decrypted and parsed once
// per DKIM_KEY_CACHE_MS, not per message. 30 seconds: a key that verified (activate-dkim-key.ts)
// or a domain that moved signs with the new state within a minute, as rotation requires.

export const DKIM_KEY_CACHE_MS = 30_000;

const log = logger("mail.dkim");

/** A platform domain as the signer needs it: its tenant, and the key that signs for it now (null: none verified). */
export type DomainSigner = {
  domainId: string;
  tenantId: string;
  key: { selector: string; privateKey: KeyObject } | null;
};

const cache = new TtlCache<DomainSigner | null>({ maxEntries: 10_000, ttlMs: () => DKIM_KEY_CACHE_MS, now: () => clock.now().getTime() });

async function load(name: string): Promise<DomainSigner | null> {
  const domain = await db.domain.findUnique({ where: { name }, select: { id: true, tenantId: true } });
  if (!domain) return null;
  try {
    const key = await activeDkimKey(domain.id);
    return { domainId: domain.id, tenantId: domain.tenantId, key: key ? { selector: key.selector, privateKey: createPrivateKey(key.privateKeyPem) } : null };
  } catch (error) {
    // A key that cannot be decrypted (DKIM_KEY_SECRET changed) must not stop the relay: the mail
    // goes unsigned, and the error is logged once per cache period for the operator.
    if (!(error instanceof DkimDecryptionError)) throw error;
    log.error("the DKIM key of a domain cannot be decrypted: its mail goes out unsigned", { domain: name, error: error.message });
    return { domainId: domain.id, tenantId: domain.tenantId, key: null };
  }
}

/** `name`: lower-case ASCII. Null when no tenant has bound it. Database errors propagate (the relay defers). */
export function domainSigner(name: string): Promise<DomainSigner | null> {
  return cache.get(name, () => load(name));
}

/** Forgets every cached key (tests; an operator action that must apply at once could call it). */
export function clearDkimKeyCache(): void {
  cache.clear();
}
