"use client";

import { useMemo } from "react";
import { useFormatter, useLocale } from "next-intl";
import { formatMoney } from "./money";

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

// Billing days and months are calendar dates of the tenant's zone ('YYYY-MM-DD', 'YYYY-MM'),
// not instants: they are shown as written, through UTC, so no zone can shift them by a day.
function cached(map: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions) {
  let f = map.get(locale);
  if (!f) map.set(locale, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" })));
  return f;
}

const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) || 1);

/** How the portal writes money, calendar days and months, instants, counts and sizes for the reader's language. */
export function useDisplayFormat() {
  const locale = useLocale();
  const format = useFormatter();
  return useMemo(
    () => ({
      money: (fen: number, currency = "CNY") => formatMoney(fen, currency, locale),
      /** Ledger amounts: "+¥20,000.00" for money in, "-¥1,666.66" for money out. */
      signedMoney: (fen: number, currency = "CNY") => (fen > 0 ? "+" : "") + formatMoney(fen, currency, locale),
      day: (day: string) => cached(dayFormats, locale, { dateStyle: "long" }).format(utc(day)),
      month: (month: string) => cached(monthFormats, locale, { year: "numeric", month: "long" }).format(utc(month)),
      dateTime: (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }),
      /** For table cells: 2026/11/26 20:42. */
      shortDateTime: (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" }),
      count: (n: number) => format.number(n),
      // Plan limits are stored in MB; from 1 GB up they read better in GB (263 GB).
      size: (mb: number) =>
        mb >= 1024
          ? format.number(mb / 1024, { style: "unit", unit: "gigabyte", maximumFractionDigits: 1 })
          : format.number(mb, { style: "unit", unit: "megabyte" }),
    }),
    [format, locale],
  );
}

export type DisplayFormat = ReturnType<typeof useDisplayFormat>;
