"use client";

import { useMemo } from "react";
import { useFormatter, useLocale } from "next-intl";
import { formatMoney } from "@/app/_components/money";

/** How plan figures read on screen: money as ¥200.00, sizes in GB from 1 GB up (263 GB), counts grouped. */
export function usePlanFormat() {
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(
    () => ({
      money: (fen: number, currency = "CNY") => formatMoney(fen, currency, locale),
      // Limits are stored in MB; whole gigabytes read better from 1 GB up.
      size: (mb: number) =>
        mb >= 1024
          ? format.number(mb / 1024, { style: "unit", unit: "gigabyte", maximumFractionDigits: 1 })
          : format.number(mb, { style: "unit", unit: "megabyte" }),
      count: (n: number) => format.number(n),
    }),
    [format, locale],
  );
}
