"use client";

import { useTranslations } from "next-intl";
import { Flex, Typography } from "antd";
import { monthlyFee } from "@/server/billing/rules/fees";
import { useBillingFormat } from "./use-billing-format";

/** The monthly fee of a regular month, and December's when it takes the year's rounding remainder. */
export function MonthlyFee({ seats, price, currency }: { seats: number; price: number; currency: string }) {
  const t = useTranslations("billing.status");
  const { money } = useBillingFormat();
  const regular = monthlyFee(seats, price, "2000-01");
  const december = monthlyFee(seats, price, "2000-12");
  return (
    <Flex vertical>
      <span>{money(regular, currency)}</span>
      {december !== regular && <Typography.Text type="secondary">{t("decemberFee", { fee: money(december, currency) })}</Typography.Text>}
    </Flex>
  );
}
