/**
 * A search text for Prisma's `contains` / `startsWith` on MariaDB, which become LIKE patterns
 * without escaping: "%" and "_" typed by a person would match anything. Escaped with LIKE's
 * default escape character, they match themselves.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
