import { createPrivateKey, createPublicKey, createSign, createVerify, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/server/shared/env";
import { decryptPrivateKey, DkimDecryptionError, encryptPrivateKey } from "./dkim-cipher";
import { dkimEncryptionKey } from "./dkim-secret";
import { DKIM_KEY_BITS, generateDkimKey } from "./generate-dkim-key";

afterEach(() => {
  delete process.env.DKIM_KEY_SECRET;
  resetEnvCache();
});

describe("generateDkimKey", () => {
  it("makes a 2048-bit RSA pair whose private key decrypts back and signs for the published key", async () => {
    const key = await generateDkimKey();
    const publicKey = createPublicKey({ key: Buffer.from(key.publicKey, "base64"), format: "der", type: "spki" });
    expect(publicKey.asymmetricKeyType).toBe("rsa");
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(DKIM_KEY_BITS);
    expect(key.publicKey).toMatch(/^[A-Za-z0-9+/]+=*$/); // p= takes plain base64, no PEM armour

    expect(key.privateKeyEnc).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(key.privateKeyEnc).not.toContain("PRIVATE KEY");
    const pem = decryptPrivateKey(key.privateKeyEnc);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/); // PKCS#8
    const signature = createSign("sha256").update("hello").sign(createPrivateKey(pem));
    expect(createVerify("sha256").update("hello").verify(publicKey, signature)).toBe(true);
  });
});

describe("the private key cipher", () => {
  const pem = "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n";

  it("gives a different ciphertext each time (random IV)", () => {
    const a = encryptPrivateKey(pem);
    const b = encryptPrivateKey(pem);
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
    expect(decryptPrivateKey(a)).toBe(pem);
    expect(decryptPrivateKey(b)).toBe(pem);
  });

  it("refuses a tampered ciphertext, tag or IV, and a malformed value", () => {
    const [v, iv, tag, ct] = encryptPrivateKey(pem).split(":") as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[0]! ^= 1;
      return bytes.toString("base64");
    };
    for (const bad of [
      [v, iv, tag, flip(ct)],
      [v, iv, flip(tag), ct],
      [v, flip(iv), tag, ct],
      ["v2", iv, tag, ct],
      [v, iv, tag],
    ]) {
      expect(() => decryptPrivateKey(bad.join(":"))).toThrow(DkimDecryptionError);
    }
  });

  it("refuses a value encrypted under another key", () => {
    const stored = encryptPrivateKey(pem, randomBytes(32));
    expect(() => decryptPrivateKey(stored)).toThrow(DkimDecryptionError);
  });
});

describe("the encryption key", () => {
  it("is DKIM_KEY_SECRET when set", () => {
    const secret = "ab".repeat(32);
    process.env.DKIM_KEY_SECRET = secret;
    resetEnvCache();
    expect(dkimEncryptionKey().toString("hex")).toBe(secret);
  });

  it("is derived from AUTH_SECRET otherwise, stable, 32 bytes, with a warning at most once", () => {
    const warn = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const a = dkimEncryptionKey();
      const b = dkimEncryptionKey();
      expect(a).toHaveLength(32);
      expect(a.equals(b)).toBe(true);
      const warnings = warn.mock.calls.filter(([line]) => String(line).includes("DKIM_KEY_SECRET is not set"));
      expect(warnings.length).toBeLessThanOrEqual(1);
    } finally {
      warn.mockRestore();
    }
  });

  it("a key encrypted without the secret does not decrypt once a different secret is set", () => {
    const stored = encryptPrivateKey(pem());
    process.env.DKIM_KEY_SECRET = "cd".repeat(32);
    resetEnvCache();
    expect(() => decryptPrivateKey(stored)).toThrow(DkimDecryptionError);
  });
});

function pem() {
  return "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n";
}
