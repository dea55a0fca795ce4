"use client";

import { useFormatter } from "next-intl";

/** Instants in the tenant's zone (the log's subtitle names it), to the second: lines a second apart are told apart. */
export function useZoneTime(timeZone: string | undefined) {
  const format = useFormatter();
  return (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone });
}
