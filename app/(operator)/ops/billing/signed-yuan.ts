import { parseYuanToFen } from "@/app/_components/money";

/**
 * Parses a signed amount in yuan ("-50", "+1,000.5", "−20") into signed fen; null when it is not
 * a plain amount with at most 2 decimals. Adjustments need the sign: a debit is negative.
 */
export function parseSignedYuanToFen(text: string): number | null {
  const trimmed = text.trim();
  const negative = /^[-−]/.test(trimmed);
  const fen = parseYuanToFen(trimmed.replace(/^[-−+]\s*/, ""));
  if (fen === null) return null;
  return negative ? -fen : fen;
}

/** Fen as the yuan a person would type: 2000000 → "20000.00", -5 → "-0.05". Integer arithmetic, no float. */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
