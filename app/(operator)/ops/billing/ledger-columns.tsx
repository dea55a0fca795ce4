"use client";

import { useTranslations } from "next-intl";
import { Tag, Typography, type TableColumnsType } from "antd";
import type { LedgerKind } from "@/server/generated/prisma/enums.ts";
import type { LedgerEntryView } from "@/server/billing/ledger/list-ledger-entries.types";
import { nowrap, useBillingFormat } from "./use-billing-format";

const COLORS: Record<LedgerKind, string> = { payment: "green", monthly_charge: "blue", refund: "orange", sla_credit: "purple", adjustment: "gold" };

export function LedgerKindTag({ kind }: { kind: LedgerKind }) {
  const t = useTranslations("opsBilling.kinds");
  return <Tag color={COLORS[kind]}>{t(kind)}</Tag>;
}

/** Credits in green with a plus, debits in red: the sign is what an operator scans a ledger for. */
export function SignedMoney({ fen, currency = "CNY" }: { fen: number; currency?: string }) {
  const { money } = useBillingFormat();
  return <Typography.Text type={fen < 0 ? "danger" : "success"}>{`${fen > 0 ? "+" : ""}${money(fen, currency)}`}</Typography.Text>;
}

/**
 * The columns of a ledger entry, for the ledger and the statement alike; `extra` columns (the
 * statement's running balance) go after the amount.
 */
export function useLedgerColumns<T extends LedgerEntryView>(extra: TableColumnsType<T> = []): TableColumnsType<T> {
  const t = useTranslations("opsBilling.ledger.columns");
  const { shortDateTime } = useBillingFormat();
  return [
    { key: "at", title: t("at"), onCell: nowrap, render: (_, e) => shortDateTime(e.occurredAt) },
    { key: "kind", title: t("kind"), render: (_, e) => <LedgerKindTag kind={e.kind} /> },
    { key: "amount", title: t("amount"), align: "right", onCell: nowrap, render: (_, e) => <SignedMoney fen={e.amount} currency={e.currency} /> },
    ...extra,
    { key: "month", title: t("month"), onCell: nowrap, render: (_, e) => e.billingMonth ?? "—" },
    { key: "reference", title: t("reference"), onCell: nowrap, render: (_, e) => e.reference ?? "—" },
    { key: "note", title: t("note"), render: (_, e) => e.note ?? "" },
  ];
}
