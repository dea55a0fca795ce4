"use client";

import { useTranslations } from "next-intl";
import { Alert, Descriptions, Empty } from "antd";
import type { CreditView } from "@/server/sla/credits/decide-credit.types";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { useSlaText } from "./use-sla-text";

/** The month's credit: proposed (awaiting review), approved (credited to the balance) or rejected (with the reason). */
export function CreditPanel({ credit }: { credit: CreditView | null }) {
  const t = useTranslations("sla.credit");
  const { money, dateTime } = useDisplayFormat();
  const text = useSlaText();
  if (!credit) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("none")} />;
  const amount = credit.amount ?? credit.proposedAmount;
  const banner = {
    proposed: <Alert type="info" showIcon title={t("proposed")} />,
    approved: <Alert type="success" showIcon title={t("approved", { amount: money(amount, credit.currency) })} />,
    rejected: <Alert type="warning" showIcon title={t("rejected")} description={credit.reason} />,
  }[credit.status];
  return (
    <>
      {banner}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }} aria-label={t("title")}>
        <Descriptions.Item label={t("failureMinutes")}>{text.duration(credit.failureMinutes * 60)}</Descriptions.Item>
        <Descriptions.Item label={t("creditMinutes")}>{t("creditMinutesValue", { failure: credit.failureMinutes, credit: credit.creditMinutes })}</Descriptions.Item>
        <Descriptions.Item label={t("monthFee")}>{money(credit.monthFee, credit.currency)}</Descriptions.Item>
        <Descriptions.Item label={t("cap")}>{money(credit.capAmount, credit.currency)}</Descriptions.Item>
        <Descriptions.Item label={t("proposedAmount")}>{money(credit.proposedAmount, credit.currency)}</Descriptions.Item>
        {credit.status === "approved" && <Descriptions.Item label={t("amount")}>{money(amount, credit.currency)}</Descriptions.Item>}
        {credit.status !== "proposed" && credit.reason && <Descriptions.Item label={t("reason")}>{credit.reason}</Descriptions.Item>}
        {credit.decidedAt && <Descriptions.Item label={t("decidedAt")}>{dateTime(credit.decidedAt)}</Descriptions.Item>}
      </Descriptions>
    </>
  );
}
