"use client";

import { useTranslations } from "next-intl";
import { Descriptions, Flex, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import type { ResizePreviewView } from "@/server/billing/resize/preview-resize";
import { monthlyFee } from "@/server/billing/rules/fees";
import type { PaidThrough } from "@/server/billing/rules/paid-through";
import { Day } from "./day";
import { useBillingFormat } from "./use-billing-format";

function PaidThroughDay({ paid }: { paid: PaidThrough }) {
  const t = useTranslations("billing.status");
  const { month } = useBillingFormat();
  if (paid.capped) return <>{t("capped")}</>;
  if (paid.paidThroughDay) return <Day day={paid.paidThroughDay} />;
  return <>{t("notPaid", { month: month(paid.runsOutMonth ?? "") })}</>;
}

/** What a change of seats or plan does, as the server previewed it: fees, date, paid-through before → after. */
export function ResizePreview({ preview, currency }: { preview: ResizePreviewView; currency: string }) {
  const t = useTranslations("billing.resize");
  const { money, month } = useBillingFormat();
  // The first month's fee is what the server previewed; when that month is December it carries
  // the year's rounding remainder, so the fee of the other months (a twelfth of the new yearly
  // fee, rounded down) is shown too.
  const regular = monthlyFee(1, preview.newYearlyFee, "2000-01");
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      aria-label={t("title")}
      items={[
        { key: "balance", label: t("balance"), children: money(preview.balance, currency) },
        { key: "current", label: t("currentMonthlyFee"), children: money(preview.currentMonthlyFee, currency) },
        {
          key: "monthly",
          label: t("newMonthlyFee"),
          children: (
            <Flex vertical>
              <strong data-testid="new-monthly-fee">{money(preview.newMonthlyFee, currency)}</strong>
              {preview.effectiveMonth.endsWith("-12") && regular !== preview.newMonthlyFee && (
                <Typography.Text type="secondary">{t("firstMonth", { month: month(preview.effectiveMonth), fee: money(regular, currency) })}</Typography.Text>
              )}
            </Flex>
          ),
        },
        { key: "yearly", label: t("newYearlyFee"), children: money(preview.newYearlyFee, currency) },
        { key: "effective", label: t("effective"), children: <Day day={preview.effectiveDay} /> },
        {
          key: "paid",
          label: t("paidThrough"),
          children: (
            <Flex gap={8} align="center" wrap>
              <PaidThroughDay paid={preview.before} />
              <ArrowRightOutlined aria-hidden />
              <strong>
                <PaidThroughDay paid={preview.after} />
              </strong>
            </Flex>
          ),
        },
      ]}
    />
  );
}
