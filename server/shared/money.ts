import { DomainError } from "./errors";

// Money is an integer number of fen (architecture convention 3). The database keeps amounts in
// BIGINT, which Prisma returns as bigint; the application works in JS numbers, which are exact
// up to 2^53 fen (~90 trillion CNY), far above anything one tenant can owe.

/** The largest single amount accepted from a person: 100 million CNY. Larger is a typo or an attack. */
export const MAX_AMOUNT_FEN = 10_000_000_000;

/** A bigint or number of fen from the database, as a safe JS integer. */
export function toFen(value: bigint | number): number {
  const n = typeof value === "bigint" ? Number(value) : value;
  if (!Number.isSafeInteger(n)) throw new Error(`amount ${String(value)} is not a safe integer of fen`);
  return n;
}

/**
 * Checks an amount typed by a person or sent by a client: a whole number of fen, above zero,
 * at most MAX_AMOUNT_FEN. `field` names the input for the field error.
 */
export function assertPositiveFen(amount: number, field = "amount"): number {
  const problem = !Number.isFinite(amount)
    ? "is not a number"
    : !Number.isInteger(amount)
      ? "must be a whole number of fen (no fractions of a fen)"
      : amount <= 0
        ? "must be more than zero"
        : amount > MAX_AMOUNT_FEN
          ? `must be at most ${formatFen(MAX_AMOUNT_FEN)}`
          : null;
  if (problem) throw new DomainError("BAD_INPUT", `The amount ${problem}`, { [field]: [`The amount ${problem}`] });
  return amount;
}

/** "¥1,234.56" (or "-¥12.00"); the UI has its own locale-aware formatter, this one is for logs and errors. */
export function formatFen(fen: number, currency = "CNY"): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  const symbol = currency === "CNY" ? "¥" : `${currency} `;
  return `${sign}${symbol}${yuan}.${cents}`;
}
