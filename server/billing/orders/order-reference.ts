import { randomInt } from "node:crypto";

// The code a customer writes on a bank transfer (汇款备注). Crockford's alphabet: no I, L, O or U,
// so it survives being read over the phone and retyped by a bank clerk. 32^8 ≈ 10^12 codes.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newOrderReference(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `MS-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Normalises what an operator types: case, spaces, and the letters people confuse with digits. */
export function normaliseOrderReference(text: string): string {
  const raw = text.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  const body = raw.startsWith("MS") ? raw.slice(2) : raw;
  return body.length === 8 ? `MS-${body.slice(0, 4)}-${body.slice(4)}` : text.trim().toUpperCase();
}

export const ORDER_REFERENCE = /^MS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
