"use client";

import { useBillingFormat } from "./use-billing-format";

/** A calendar day of the tenant's zone, readable, with the ISO date kept machine-readable. */
export function Day({ day }: { day: string }) {
  const { day: format } = useBillingFormat();
  return (
    <time dateTime={day} style={{ whiteSpace: "nowrap" }}>
      {format(day)}
    </time>
  );
}
