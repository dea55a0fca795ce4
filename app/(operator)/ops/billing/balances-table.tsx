"use client";

import { useTranslations } from "next-intl";
import { Table, Typography, type TableColumnsType, type TableProps } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import type { BalanceRow, TListBalancesRequest, TListBalancesResponse } from "@/server/billing/ops/list-balances.types";
import { TenantActions, type TenantAction } from "./tenant-actions";
import { PaidThroughCell, PlanCell, TenantStatusCell } from "./tenant-cells";
import { nowrap, useBillingFormat } from "./use-billing-format";

export type BalancesQuery = Pick<TListBalancesRequest, "page" | "pageSize" | "sort" | "direction">;

const SORTABLE = new Set<string>(["name", "balance", "daysLeft"]);

/** Every tenant with its balance and how long it lasts; sorted and paged on the server. */
export function BalancesTable({
  data,
  loading,
  query,
  onQuery,
  onAction,
}: {
  data: TListBalancesResponse | undefined;
  loading: boolean;
  query: BalancesQuery;
  onQuery: (query: BalancesQuery) => void;
  onAction: (action: TenantAction, tenant: BalanceRow) => void;
}) {
  const t = useTranslations("opsBilling.balances");
  const { money, count } = useBillingFormat();
  const order = (key: BalancesQuery["sort"]): SortOrder => (query.sort === key ? (query.direction === "desc" ? "descend" : "ascend") : null);

  const columns: TableColumnsType<BalanceRow> = [
    { key: "name", title: t("columns.tenant"), dataIndex: "name", sorter: true, sortOrder: order("name") },
    { key: "status", title: t("columns.status"), render: (_, r) => <TenantStatusCell tenant={r} /> },
    { key: "plan", title: t("columns.plan"), render: (_, r) => <PlanCell row={r} /> },
    { key: "seats", title: t("columns.seats"), align: "right", render: (_, r) => (r.seats === null ? "—" : count(r.seats)) },
    {
      key: "balance",
      title: t("columns.balance"),
      align: "right",
      onCell: nowrap,
      sorter: true,
      sortOrder: order("balance"),
      render: (_, r) => <Typography.Text type={r.balance < 0 ? "danger" : undefined}>{money(r.balance)}</Typography.Text>,
    },
    { key: "fee", title: t("columns.monthlyFee"), align: "right", onCell: nowrap, render: (_, r) => (r.monthlyFee === null ? "—" : money(r.monthlyFee)) },
    {
      key: "daysLeft",
      title: t("columns.paidThrough"),
      onCell: nowrap,
      sorter: true,
      sortOrder: order("daysLeft"),
      render: (_, r) => <PaidThroughCell day={r.paidThroughDay} daysLeft={r.daysLeft} />,
    },
    { key: "actions", title: t("columns.actions"), fixed: "right", onCell: nowrap, render: (_, r) => <TenantActions tenant={r} onAction={(a) => onAction(a, r)} /> },
  ];

  const change: TableProps<BalanceRow>["onChange"] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order && typeof s.columnKey === "string" && SORTABLE.has(s.columnKey) ? (s.columnKey as BalancesQuery["sort"]) : "name";
    const direction = s?.order === "descend" ? "desc" : "asc";
    const pageSize = pagination.pageSize ?? query.pageSize;
    const resorted = key !== query.sort || direction !== query.direction || pageSize !== query.pageSize;
    onQuery({ sort: key, direction, pageSize, page: resorted ? 1 : (pagination.current ?? 1) });
  };

  return (
    <Table<BalanceRow>
      rowKey="tenantId"
      size="small"
      dataSource={data?.rows ?? []}
      loading={loading}
      columns={columns}
      onChange={change}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("empty") }}
      pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (total) => t("total", { total }) }}
    />
  );
}
