// The one way the portal shows money: fen in, "¥1,234.56" out, digits grouped for the reader's
// language. Integer fen are divided only here, for display; nothing computes with the result.
export function formatMoney(fen: number, currency = "CNY", locale = "zh-CN"): string {
  // narrowSymbol: "¥" in English too (not "CN¥"); the portal only deals in yuan so far.
  return new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol", minimumFractionDigits: 2 }).format(fen / 100);
}

/** Parses yuan typed by a person ("1,000.5") into fen; null when it is not a plain amount with ≤ 2 decimals. */
export function parseYuanToFen(text: string): number | null {
  const cleaned = text.replace(/[,\s¥]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, frac = ""] = cleaned.split(".");
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return Number.isSafeInteger(fen) ? fen : null;
}
