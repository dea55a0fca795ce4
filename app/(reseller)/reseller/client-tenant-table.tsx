"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Table } from "antd";
import type { ClientTenantRow } from "@/server/resellers/list-client-tenants";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";

export function ClientTenantTable({ rows }: { rows: ClientTenantRow[] }) {
  const t = useTranslations("home.reseller");
  const format = useFormatter();
  return (
    <Table<ClientTenantRow>
      rowKey="id"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t("empty") }}
      columns={[
        { key: "name", title: t("tenantName"), dataIndex: "name" },
        {
          key: "status",
          title: t("status"),
          dataIndex: "status",
          render: (_, row) => <TenantStatusTag status={row.status} />,
        },
        {
          key: "createdAt",
          title: t("createdAt"),
          dataIndex: "createdAt",
          render: (_, row) => format.dateTime(row.createdAt, { dateStyle: "medium" }),
        },
      ]}
    />
  );
}
