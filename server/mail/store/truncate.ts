// VARCHAR(n) in utf8mb4 counts characters (code points), and strict mode refuses longer values:
// a long subject or HELO must be cut, not fail the message after it was accepted.

/** `text` cut to at most `max` code points (never splitting a surrogate pair). */
export function truncateChars(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join("");
}
