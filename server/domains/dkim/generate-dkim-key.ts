import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { encryptPrivateKey } from "./dkim-cipher";

export const DKIM_KEY_BITS = 2048;

export type GeneratedDkimKey = {
  /** Base64 of the SubjectPublicKeyInfo DER: exactly what goes after `p=` in the DKIM TXT record. */
  publicKey: string;
  /** The PKCS#8 PEM private key, encrypted (see dkim-cipher.ts). */
  privateKeyEnc: string;
};

const generate = promisify(generateKeyPair);

/**
 * A new 2048-bit RSA DKIM key pair. Generated asynchronously (tens to hundreds of milliseconds on
 * the libuv pool), so callers do it before opening a transaction, not while holding a lock.
 */
export async function generateDkimKey(): Promise<GeneratedDkimKey> {
  const { publicKey, privateKey } = await generate("rsa", {
    modulusLength: DKIM_KEY_BITS,
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicKey: publicKey.toString("base64"), privateKeyEnc: encryptPrivateKey(privateKey) };
}
