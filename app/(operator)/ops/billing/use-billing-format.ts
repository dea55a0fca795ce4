"use client";

import { useMemo } from "react";
import { useFormatter, useLocale } from "next-intl";
import { formatMoney } from "@/app/_components/money";

/** How the billing page writes money, instants and counts for the reader's language. */
export function useBillingFormat() {
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(
    () => ({
      money: (fen: number, currency = "CNY") => formatMoney(fen, currency, locale),
      dateTime: (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }),
      /** For table cells: 2026/11/26 20:42. */
      shortDateTime: (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" }),
      count: (n: number) => format.number(n),
    }),
    [format, locale],
  );
}

/** Keeps a cell on one line (amounts, dates, references). */
export const nowrap = () => ({ style: { whiteSpace: "nowrap" as const } });
