"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Table, Tag, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { OrderView } from "@/server/billing/orders/order-view";
import { useOrderDescription } from "./pending-orders";
import type { PlanName } from "./pending-orders";
import { useBillingFormat } from "./use-billing-format";

const STATUS_COLORS: Record<OrderView["status"], string> = { pending: "gold", paid: "green", cancelled: "default" };

/** Every order of the tenant, newest first (the server keeps the last 50). */
export function OrdersTable({ plans }: { plans: readonly PlanName[] }) {
  const t = useTranslations("billing");
  const none = useTranslations("common")("none");
  const trpc = useTRPC();
  const { money, dateTime: time } = useBillingFormat();
  const describe = useOrderDescription(plans);
  const orders = useQuery(trpc.billing.account.orders.queryOptions());
  const error = shownError(orders.error);
  return (
    <>
      {error && <Alert type="error" showIcon title={t("history.loadFailed")} description={readableMessage(error, t)} />}
      <Table<OrderView>
        rowKey="id"
        size="middle"
        dataSource={orders.data ?? []}
        loading={orders.isFetching}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("history.empty") }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { key: "time", title: t("history.columns.time"), render: (_, o) => <span style={{ whiteSpace: "nowrap" }}>{time(o.createdAt)}</span> },
          { key: "reference", title: t("history.columns.reference"), render: (_, o) => <Typography.Text code copyable>{o.reference}</Typography.Text> },
          { key: "kind", title: t("history.columns.kind"), render: (_, o) => t(`history.orderKind.${o.kind}`) },
          { key: "detail", title: t("history.columns.detail"), render: (_, o) => describe(o) },
          {
            key: "amount",
            title: t("history.columns.amount"),
            align: "right",
            render: (_, o) => <span style={{ whiteSpace: "nowrap" }}>{money(o.amount, o.currency)}</span>,
          },
          { key: "method", title: t("history.columns.method"), render: (_, o) => t(`history.method.${o.method}`) },
          { key: "status", title: t("history.columns.status"), render: (_, o) => <Tag color={STATUS_COLORS[o.status]}>{t(`history.orderStatus.${o.status}`)}</Tag> },
          { key: "paid", title: t("history.columns.paidAt"), render: (_, o) => (o.paidAt ? <span style={{ whiteSpace: "nowrap" }}>{time(o.paidAt)}</span> : none) },
        ]}
      />
    </>
  );
}
