"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Table, Tag, Typography } from "antd";
import type { AuditEventRow } from "@/server/audit/audit-rows";

export type AuditPage = { rows: AuditEventRow[]; total: number; page: number; pageSize: number };

/** The log itself; paging happens on the server, so the table only reports page changes. */
export function AuditTable({
  data,
  loading,
  withTenant,
  page,
  pageSize,
  onPage,
}: {
  data: AuditPage | undefined;
  loading: boolean;
  withTenant: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}) {
  const t = useTranslations("audit");
  const tRoot = useTranslations();
  const format = useFormatter();
  const none = tRoot("common.none");

  return (
    <Table<AuditEventRow>
      rowKey="id"
      size="middle"
      dataSource={data?.rows ?? []}
      loading={loading}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("table.empty") }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t("table.total", { total }),
        onChange: onPage,
      }}
      expandable={{
        rowExpandable: (row) => row.details !== null,
        expandedRowRender: (row) => (
          <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
            {JSON.stringify(row.details, null, 2)}
          </pre>
        ),
      }}
      columns={[
        {
          key: "time",
          title: t("columns.time"),
          render: (_, row) => (
            <span style={{ whiteSpace: "nowrap" }}>
              {format.dateTime(row.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}
            </span>
          ),
        },
        {
          key: "actor",
          title: t("columns.actor"),
          render: (_, row) => (
            <span style={{ whiteSpace: "nowrap" }}>
              {row.actorEmail ?? row.actorId ?? t("table.system")}{" "}
              {row.actorRole && <Tag variant="filled">{tRoot(`roles.${row.actorRole}`)}</Tag>}
            </span>
          ),
        },
        ...(withTenant
          ? [
              {
                key: "tenant",
                title: t("columns.tenant"),
                render: (_: unknown, row: AuditEventRow) => row.tenantName ?? row.tenantId ?? none,
              },
            ]
          : []),
        {
          key: "action",
          title: t("columns.action"),
          render: (_, row) => <Typography.Text code>{row.action}</Typography.Text>,
        },
        {
          key: "target",
          title: t("columns.target"),
          render: (_, row) =>
            row.targetType ? (
              <span style={{ whiteSpace: "nowrap" }}>
                {row.targetType}{" "}
                {/* Ids can be long (UUIDs); the whole one is in the tooltip and the CSV. */}
                <Typography.Text type="secondary" ellipsis={{ tooltip: row.targetId }} style={{ maxWidth: 140, display: "inline-block", verticalAlign: "bottom" }}>
                  {row.targetId}
                </Typography.Text>
              </span>
            ) : (
              none
            ),
        },
        {
          key: "result",
          title: t("columns.result"),
          render: (_, row) => <Tag color={row.result === "success" ? "green" : "red"}>{t(`result.${row.result}`)}</Tag>,
        },
        { key: "ip", title: t("columns.ip"), render: (_, row) => row.ip ?? none },
      ]}
    />
  );
}
