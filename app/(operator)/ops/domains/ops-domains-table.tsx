"use client";

import { useTranslations } from "next-intl";
import { Table, type TableColumnsType } from "antd";
import type { AllDomainsRow, TListAllDomainsResponse } from "@/server/domains/list-all-domains.types";
import { useDomainStatusColumns } from "@/app/(customer)/console/domains/domain-status-columns";
import { DomainName } from "@/app/(customer)/console/domains/domains-table";
import { OpsDkimKeys } from "./ops-dkim-keys";

export type OpsDomainsPaging = { page: number; pageSize: number };

/** Every tenant's domains, newest first, with their DKIM keys and the operator's "retire" action. */
export function OpsDomainsTable({
  data,
  loading,
  paging,
  onPaging,
}: {
  data: TListAllDomainsResponse | undefined;
  loading: boolean;
  paging: OpsDomainsPaging;
  onPaging: (paging: OpsDomainsPaging) => void;
}) {
  const t = useTranslations("domains");
  const statusColumns = useDomainStatusColumns<AllDomainsRow>();

  const columns: TableColumnsType<AllDomainsRow> = [
    { key: "name", title: t("list.name"), render: (_, d) => <DomainName domain={d} /> },
    { key: "tenant", title: t("ops.tenant"), dataIndex: "tenantName" },
    ...statusColumns,
    { key: "dkim", title: t("ops.dkimKeys"), render: (_, d) => <OpsDkimKeys domain={d} /> },
  ];

  return (
    <Table<AllDomainsRow>
      rowKey="id"
      size="small"
      dataSource={data?.rows ?? []}
      loading={loading}
      columns={columns}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("ops.empty") }}
      onChange={(pagination) => {
        const pageSize = pagination.pageSize ?? paging.pageSize;
        onPaging({ pageSize, page: pageSize !== paging.pageSize ? 1 : (pagination.current ?? 1) });
      }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t("ops.total", { total }),
      }}
    />
  );
}
