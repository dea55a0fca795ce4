import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { dkimEncryptionKey } from "./dkim-secret";

// Stored form of an encrypted private key: `v1:<iv b64>:<tag b64>:<ciphertext b64>`. The version
// lets a later change of algorithm or key read the old rows.
const VERSION = "v1";
const IV_BYTES = 12; // GCM's standard nonce size; random per encryption
// Additional authenticated data: a ciphertext made for something else under the same key is refused.
const AAD = Buffer.from("mailstead:dkim-private-key:v1");

export class DkimDecryptionError extends Error {
  constructor() {
    super("A DKIM private key could not be decrypted: DKIM_KEY_SECRET differs from the one it was encrypted with, or the stored value is damaged");
    this.name = "DkimDecryptionError";
  }
}

export function encryptPrivateKey(pem: string, key: Buffer = dkimEncryptionKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(pem, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ciphertext.toString("base64")].join(":");
}

/** The PEM back, or a DkimDecryptionError when the value was altered or the key is not the same. */
export function decryptPrivateKey(stored: string, key: Buffer = dkimEncryptionKey()): string {
  const [version, iv, tag, ciphertext, ...rest] = stored.split(":");
  if (version !== VERSION || !iv || !tag || !ciphertext || rest.length > 0) throw new DkimDecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new DkimDecryptionError();
  }
}
