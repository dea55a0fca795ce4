import { db } from "@/server/shared/db";
import { decryptPrivateKey } from "./dkim-cipher";
import { signingKey } from "./signing-key";

export type SigningDkimKey = { selector: string; privateKeyPem: string };

/**
 * For the mail engine's signer: the key that signs the domain's mail now (the newest verified
 * one, signing-key.ts) with its private key decrypted, or null while no key has verified.
 * Throws DkimDecryptionError when DKIM_KEY_SECRET is not the one the key was stored under.
 */
export async function activeDkimKey(domainId: string): Promise<SigningDkimKey | null> {
  const keys = await db.dkimKey.findMany({
    where: { domainId, status: "active" },
    select: { id: true, selector: true, status: true, createdAt: true, activatedAt: true, privateKeyEnc: true },
  });
  const signer = signingKey(keys);
  return signer ? { selector: signer.selector, privateKeyPem: decryptPrivateKey(signer.privateKeyEnc) } : null;
}
