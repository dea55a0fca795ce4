"use client";

import { useTranslations } from "next-intl";
import { Table, Tag, Typography } from "antd";
import type { LoginLogRow } from "@/server/auth/login-log/login-log-row";
import type { TListLoginEventsResponse } from "@/server/auth/login-log/list-login-events.types";
import { LoginChannelText, LoginClient, LoginIp, LoginResultTag, LoginTime, useReasonText } from "./login-cells";

/** The log itself; paging happens on the server, so the table only reports page changes. */
export function LoginLogTable({
  data,
  loading,
  withTenant,
  page,
  pageSize,
  onPage,
}: {
  data: TListLoginEventsResponse | undefined;
  loading: boolean;
  withTenant: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}) {
  const t = useTranslations("loginLog");
  const none = useTranslations("common")("none");
  const reasonText = useReasonText();
  return (
    <Table<LoginLogRow>
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
      columns={[
        { key: "time", title: t("columns.time"), render: (_, row) => <LoginTime at={row.occurredAt} /> },
        {
          key: "account",
          title: t("columns.account"),
          render: (_, row) => (
            <span style={{ whiteSpace: "nowrap" }}>
              {row.email} {row.accountKind && (row.accountKind === "mailbox" || row.tenantId) && <Tag variant="filled">{t(`accountKind.${row.accountKind}`)}</Tag>}
            </span>
          ),
        },
        ...(withTenant
          ? [{ key: "tenant", title: t("columns.tenant"), render: (_: unknown, row: LoginLogRow) => row.tenantName ?? row.tenantId ?? (row.accountKind ? t("staff") : none) }]
          : []),
        { key: "ip", title: t("columns.ip"), render: (_, row) => <LoginIp row={row} /> },
        { key: "channel", title: t("columns.channel"), render: (_, row) => <LoginChannelText channel={row.channel} /> },
        { key: "client", title: t("columns.client"), render: (_, row) => <LoginClient row={row} /> },
        { key: "result", title: t("columns.result"), render: (_, row) => <LoginResultTag row={row} /> },
        {
          key: "reason",
          title: t("columns.reason"),
          render: (_, row) =>
            row.reason ? (
              <Typography.Text type="secondary" ellipsis={{ tooltip: reasonText(row.reason) }} style={{ maxWidth: 240 }}>
                {reasonText(row.reason)}
              </Typography.Text>
            ) : (
              none
            ),
        },
      ]}
    />
  );
}
