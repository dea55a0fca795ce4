"use client";

import { useTranslations } from "next-intl";
import { Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { LedgerEntryView } from "@/server/billing/ledger/list-ledger-entries.types";
import { useBillingFormat } from "./use-billing-format";

const KIND_COLORS: Record<LedgerEntryView["kind"], string> = {
  payment: "green",
  monthly_charge: "blue",
  refund: "purple",
  sla_credit: "cyan",
  adjustment: "gold",
};

/** The columns a ledger entry shows in both the ledger and a statement: time, kind, signed amount, reference. */
export function useLedgerColumns<T extends LedgerEntryView>(): TableColumnsType<T> {
  const t = useTranslations("billing.history");
  const none = useTranslations("common")("none");
  const { signedMoney, dateTime: time } = useBillingFormat();
  return [
    { key: "time", title: t("columns.time"), render: (_, e) => <span style={{ whiteSpace: "nowrap" }}>{time(e.occurredAt)}</span> },
    { key: "kind", title: t("columns.kind"), render: (_, e) => <Tag color={KIND_COLORS[e.kind]}>{t(`ledgerKind.${e.kind}`)}</Tag> },
    {
      key: "amount",
      title: t("columns.amount"),
      align: "right",
      render: (_, e) => (
        <Typography.Text type={e.amount < 0 ? "danger" : "success"} style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
          {signedMoney(e.amount, e.currency)}
        </Typography.Text>
      ),
    },
    { key: "reference", title: t("columns.reference"), render: (_, e) => (e.reference ? <Typography.Text code>{e.reference}</Typography.Text> : none) },
    { key: "month", title: t("columns.month"), render: (_, e) => e.billingMonth ?? none },
    { key: "note", title: t("columns.note"), render: (_, e) => e.note ?? none },
  ];
}
