"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Table, Tag, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { OverdueRow } from "@/server/billing/ops/list-overdue.types";
import { TenantActions } from "./tenant-actions";
import { TenantStatusCell } from "./tenant-cells";
import { useTenantDialogs } from "./use-tenant-dialogs";
import { nowrap, useBillingFormat } from "./use-billing-format";

/**
 * 欠费: tenants suspended for non-payment, then active ones whose balance cannot pay the next
 * month, largest shortfall first (the server's order), with what each is missing.
 */
export function OverdueTab() {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const { money, shortDateTime } = useBillingFormat();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const overdue = useQuery({ ...trpc.billing.ops.overdue.queryOptions(paging), placeholderData: keepPreviousData, staleTime: 0 });
  const error = shownError(overdue.error);
  const { open, dialogs } = useTenantDialogs();

  return (
    <Card>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("overdue.help")}</Typography.Text>
        {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
        <Table<OverdueRow>
          rowKey="tenantId"
          size="small"
          dataSource={overdue.data?.rows ?? []}
          loading={overdue.isFetching}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("overdue.empty") }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: overdue.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
          columns={[
            { key: "name", title: t("balances.columns.tenant"), dataIndex: "name" },
            {
              key: "reason",
              title: t("overdue.columns.reason"),
              onCell: nowrap,
              render: (_, r) => (r.reason === "suspended" ? <Tag color="red">{t("overdue.reasons.suspended")}</Tag> : <Tag color="orange">{t("overdue.reasons.short")}</Tag>),
            },
            { key: "status", title: t("balances.columns.status"), render: (_, r) => <TenantStatusCell tenant={r} /> },
            { key: "balance", title: t("balances.columns.balance"), align: "right", onCell: nowrap, render: (_, r) => money(r.balance) },
            { key: "month", title: t("overdue.columns.nextMonth"), onCell: nowrap, render: (_, r) => r.nextMonth ?? "—" },
            { key: "fee", title: t("balances.columns.monthlyFee"), align: "right", onCell: nowrap, render: (_, r) => (r.monthlyFee === null ? "—" : money(r.monthlyFee)) },
            {
              key: "missing",
              title: t("overdue.columns.missing"),
              align: "right",
              onCell: nowrap,
              render: (_, r) => (r.amountMissing === null ? "—" : <Typography.Text strong type={r.amountMissing > 0 ? "danger" : undefined}>{money(r.amountMissing)}</Typography.Text>),
            },
            { key: "since", title: t("overdue.columns.suspendedAt"), onCell: nowrap, render: (_, r) => (r.suspendedAt ? shortDateTime(r.suspendedAt) : "—") },
            { key: "actions", title: t("balances.columns.actions"), fixed: "right", onCell: nowrap, render: (_, r) => <TenantActions tenant={r} onAction={(a) => open(a, r)} /> },
          ]}
        />
      </Flex>
      {dialogs}
    </Card>
  );
}
