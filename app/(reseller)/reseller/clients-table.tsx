"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Space, Table, Tag, Tooltip, Typography } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { ClientRow } from "@/server/resellers/clients/client-row.types";
import type { ClientList, TListClientsRequest } from "@/server/resellers/clients/list-clients.types";
import { ResendInvitationButton } from "./resend-invitation-button";

type Sort = Pick<TListClientsRequest, "sort" | "direction">;
type Props = { data: ClientList | undefined; loading: boolean; sort: Sort; onSort: (sort: Sort["sort"], direction: Sort["direction"]) => void };

/** What needs attention on one client: problem domains, last month's SLA breaches, a low balance. */
export function ProblemTags({ row }: { row: ClientRow }) {
  const t = useTranslations("resellerClients.problems");
  const { month } = useDisplayFormat();
  if (!row.hasProblems) return <Typography.Text type="secondary">{t("none")}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {row.problemDomains.count > 0 && (
        <Tooltip title={t("domainsTitle", { names: row.problemDomains.names.join(", ") })}>
          <Tag color="orange">{t("domains", { count: row.problemDomains.count })}</Tag>
        </Tooltip>
      )}
      {row.slaBreaches > 0 && <Tag color="red">{t("breaches", { count: row.slaBreaches, month: month(row.slaMonth) })}</Tag>}
      {row.lowBalance && <Tag color="gold">{t("lowBalance")}</Tag>}
    </Space>
  );
}

/** The dashboard's clients, sorted by the server (the CSV sorts alike); each row opens the client's page. */
export function ClientsTable({ data, loading, sort, onSort }: Props) {
  const t = useTranslations("resellerClients");
  const { money, day, count, dateTime } = useDisplayFormat();
  const rows = data?.rows ?? [];
  const order = (key: Sort["sort"]): SortOrder => (sort.sort === key ? (sort.direction === "asc" ? "ascend" : "descend") : null);
  const sortable = (key: Sort["sort"]) => ({ key, sorter: true, sortOrder: order(key), sortDirections: ["ascend", "descend", "ascend"] as SortOrder[] });

  return (
    <Table<ClientRow>
      rowKey="tenantId"
      size="middle"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 1100 }}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: true } : false}
      locale={{ emptyText: t("empty") }}
      onChange={(_p, _f, sorter) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        if (s?.columnKey && s.order) onSort(s.columnKey as Sort["sort"], s.order === "descend" ? "desc" : "asc");
        else onSort("name", "asc");
      }}
      columns={[
        { ...sortable("name"), title: t("columns.name"), render: (_, r) => <Link href={`/reseller/clients/${r.tenantId}`}>{r.name}</Link> },
        ...(data && data.resellers.length > 1 ? [{ key: "owner", title: t("columns.owner"), width: 140, render: (_: unknown, r: ClientRow) => (r.owner.isSelf ? t("filters.self") : r.owner.name) }] : []),
        { key: "status", title: t("columns.status"), render: (_, r) => <TenantStatusTag status={r.status} /> },
        { key: "plan", title: t("columns.plan"), render: (_, r) => r.plan?.name ?? <Typography.Text type="secondary">{t("noPlan")}</Typography.Text> },
        { ...sortable("seats"), title: t("columns.seats"), align: "right", render: (_, r) => (r.seats === null ? "—" : count(r.seats)) },
        { ...sortable("balance"), title: t("columns.balance"), align: "right", render: (_, r) => <Typography.Text type={r.balance < 0 ? "danger" : undefined}>{money(r.balance)}</Typography.Text> },
        { ...sortable("paidThrough"), title: t("columns.paidThrough"), width: 130, render: (_, r) => (r.paidThroughDay ? day(r.paidThroughDay) : "—") },
        { ...sortable("problems"), title: t("columns.problems"), render: (_, r) => <ProblemTags row={r} /> },
        {
          key: "admin",
          title: t("columns.admin"),
          render: (_, r) =>
            r.admin ? (
              <Space orientation="vertical" size={0}>
                <span>{r.admin.email}</span>
                <Tag color={r.admin.state === "invited" ? "blue" : r.admin.state === "active" ? "green" : "default"}>{t(`admin.${r.admin.state}`)}</Tag>
                {r.admin.state === "invited" && <ResendInvitationButton tenantId={r.tenantId} type="link" size="small" />}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t("admin.none")}</Typography.Text>
            ),
        },
        { ...sortable("createdAt"), title: t("columns.createdAt"), render: (_, r) => dateTime(r.createdAt) },
      ]}
      summary={() =>
        data && rows.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={data.resellers.length > 1 ? 4 : 3}>
              <strong>{t("totals", { count: data.totals.clients })}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{count(data.totals.seats)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{money(data.totals.balance)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={4} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
