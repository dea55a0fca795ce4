"use client";

import { useMemo } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { formatPpm, msText, percentText } from "@/server/sla/rules/format";

/** How the SLA pages write durations, percentages and instants in the reader's language. */
export function useSlaText() {
  const t = useTranslations("sla.card");
  const format = useFormatter();
  return useMemo(
    () => ({
      /** Whole minutes as minutes, anything else in seconds (power is recorded to the second). */
      duration: (seconds: number) => (seconds % 60 === 0 ? t("minutes", { minutes: seconds / 60 }) : t("seconds", { seconds })),
      /** A measured ratio: 998842 → "99.884 %" (false positives need the fourth decimal). */
      percent: (ppm: number, digits = 3) => `${formatPpm(ppm, digits)} %`,
      /** A promise as the contract writes it: 999000 → "99.9 %". */
      target: percentText,
      ms: msText,
      time: (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }),
      clock: (ms: number) => format.dateTime(new Date(ms), { hour: "2-digit", minute: "2-digit" }),
    }),
    [t, format],
  );
}
