"use client";

import { useTranslations } from "next-intl";
import { Table, Tag, Typography } from "antd";
import type { PendingTransfer } from "@/server/billing/orders/list-pending-transfers";
import { nowrap, useBillingFormat } from "./use-billing-format";

/** Unpaid orders, oldest first (the server's order); a click picks one for the confirm form. */
export function PendingTransfersTable({
  orders,
  loading,
  selectedId,
  onPick,
}: {
  orders: PendingTransfer[];
  loading: boolean;
  selectedId: string | null;
  onPick: (order: PendingTransfer) => void;
}) {
  const t = useTranslations("opsBilling.transfers");
  const { money, shortDateTime, count } = useBillingFormat();
  return (
    <Table<PendingTransfer>
      rowKey="id"
      size="middle"
      dataSource={orders}
      loading={loading}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("empty") }}
      rowClassName={(o) => (o.id === selectedId ? "ant-table-row-selected" : "")}
      onRow={(o) => ({ onClick: () => onPick(o), style: { cursor: "pointer" }, title: t("pickHint") })}
      columns={[
        {
          key: "reference",
          title: t("columns.reference"),
          onCell: nowrap,
          render: (_, o) => <Typography.Text code>{o.reference}</Typography.Text>,
        },
        { key: "tenant", title: t("columns.tenant"), dataIndex: "tenantName" },
        {
          key: "kind",
          title: t("columns.kind"),
          onCell: nowrap,
          render: (_, o) =>
            o.kind === "subscription" ? (
              <Tag color="blue">{t("kinds.subscription", { seats: count(o.seats ?? 0), years: o.termYears ?? 0 })}</Tag>
            ) : (
              <Tag color="cyan">{t("kinds.top_up")}</Tag>
            ),
        },
        { key: "amount", title: t("columns.amount"), align: "right", onCell: nowrap, render: (_, o) => money(o.amount, o.currency) },
        { key: "created", title: t("columns.created"), onCell: nowrap, render: (_, o) => shortDateTime(o.createdAt) },
      ]}
    />
  );
}
