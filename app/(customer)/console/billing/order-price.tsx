"use client";

import { useTranslations } from "next-intl";
import { Descriptions, Typography } from "antd";
import type { CatalogueRow } from "@/server/billing/plans/list-catalogue";
import { prepaymentFor } from "@/server/billing/rules/fees";
import { addMonths, monthOf } from "@/server/billing/rules/months";
import { MonthlyFee } from "./monthly-fee";
import { useBillingFormat } from "./use-billing-format";

/**
 * The price before paying, from the same fee rules the server charges by: seats × price per
 * seat-year × years now, then the monthly fee (December takes the year's rounding remainder).
 */
export function OrderPrice({
  plan,
  seats,
  years,
  startRule,
  timeZone,
}: {
  plan: CatalogueRow;
  seats: number;
  years: number;
  startRule: "on_payment" | "on_mx_verified";
  timeZone: string;
}) {
  const t = useTranslations("billing.order");
  const tStatus = useTranslations("billing.status");
  const { money, day } = useBillingFormat();
  const price = plan.pricePerSeatYear;
  const startMonth = addMonths(monthOf(new Date(), timeZone), 1);

  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      aria-label={t("price")}
      items={[
        { key: "line", label: t("price"), children: t("priceLine", { seats, price: money(price, plan.currency), years }) },
        {
          key: "total",
          label: t("total"),
          children: (
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="order-total">
              {money(prepaymentFor(seats, price, years), plan.currency)}
            </Typography.Text>
          ),
        },
        {
          key: "monthly",
          label: t("monthly"),
          children: <MonthlyFee seats={seats} price={price} currency={plan.currency} />,
        },
        {
          key: "start",
          label: tStatus("billingStart"),
          children: startRule === "on_payment" ? t("startsOn", { date: day(`${startMonth}-01`) }) : t("startsAfterMx"),
        },
      ]}
    />
  );
}
