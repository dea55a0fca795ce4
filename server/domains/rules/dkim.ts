import { createPublicKey } from "node:crypto";

// DKIM key records (RFC 6376 §3.6.1): `v=DKIM1; k=rsa; p=<base64 SPKI>`. Pure helpers shared by
// the expected records and the check; createPublicKey only parses bytes, no I/O.

export const DKIM_KEY_BITS = 2048;

/** The whole TXT value to publish at `<selector>._domainkey.<domain>`. */
export const dkimTxtValue = (publicKeyBase64: string) => `v=DKIM1; k=rsa; p=${publicKeyBase64}`;

export const dkimName = (selector: string, domain: string) => `${selector}._domainkey.${domain}`;

/**
 * Cuts a TXT value into character-strings of at most `size` characters (a DNS string holds 255
 * octets). A panel that takes several quoted strings gets exactly these; receivers join them.
 */
export function splitTxt(value: string, size = 255): string[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("size must be a positive whole number");
  const out: string[] = [];
  for (let i = 0; i < value.length; i += size) out.push(value.slice(i, i + size));
  return out.length ? out : [""];
}

export type DkimTags = { tags: Map<string, string>; errors: { code: string; params?: Record<string, string> }[] };

/** Parses `tag=value; …` (RFC 6376 §3.2). v, when present, must come first and be DKIM1. */
export function parseDkimRecord(text: string): DkimTags {
  const tags = new Map<string, string>();
  const errors: DkimTags["errors"] = [];
  const parts = text.split(";").map((p) => p.trim());
  parts.forEach((part, index) => {
    if (part === "") return; // a trailing ";" is allowed
    const eq = part.indexOf("=");
    if (eq <= 0) {
      errors.push({ code: "dkimMalformedTag", params: { tag: part } });
      return;
    }
    const name = part.slice(0, eq).trim();
    if (tags.has(name)) errors.push({ code: "dkimDuplicateTag", params: { tag: name } });
    tags.set(name, part.slice(eq + 1).trim());
    if (name === "v" && index !== 0) errors.push({ code: "dkimVersionNotFirst" });
  });
  if (tags.has("v") && tags.get("v") !== "DKIM1") errors.push({ code: "dkimBadVersion", params: { value: tags.get("v")! } });
  if (!tags.has("p")) errors.push({ code: "dkimNoKey" });
  return { tags, errors };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether a base64 string is well formed: alphabet, whole quads, padding only at the end. */
export const isBase64 = (s: string) => BASE64.test(s) && s.length % 4 === 0;

/** The RSA modulus size of a base64 SPKI public key, or null when it is not a valid RSA SPKI. */
export function rsaKeyBits(publicKeyBase64: string): number | null {
  if (!isBase64(publicKeyBase64) || publicKeyBase64 === "") return null;
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "rsa") return null;
    return key.asymmetricKeyDetails?.modulusLength ?? null;
  } catch {
    return null;
  }
}
