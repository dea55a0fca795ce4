/**
 * A JSON display column as an array: the driver may hand back a string or the parsed value, and
 * anything unreadable or not an array reads as empty so one odd row never hides a list.
 */
export function parseJsonArray(raw: unknown): unknown[] {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value : [];
}
