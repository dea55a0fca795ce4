import { randomBytes } from "node:crypto";
import { clock } from "@/server/shared/clock";

// Crockford base32, as ULID specifies: ids sort by time as strings, which keeps the store's
// files and the message table in arrival order and makes the id a useful "queued as" token.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A 26-character ULID: 10 characters of milliseconds, 16 of randomness. */
export function ulid(at: Date = clock.now()): string {
  let time = at.getTime();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let tail = "";
  for (let i = 0; i < 16; i++) tail += ALPHABET[bytes[i]! & 31];
  return head + tail;
}

/** The instant a ULID was made, or null when it is not one. */
export function ulidTime(id: string): Date | null {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return null;
  let ms = 0;
  for (const ch of id.slice(0, 10)) ms = ms * 32 + ALPHABET.indexOf(ch);
  return new Date(ms);
}
