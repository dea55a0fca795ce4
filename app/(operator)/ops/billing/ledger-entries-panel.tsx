"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Flex, Table } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { LedgerEntryView } from "@/server/billing/ledger/list-ledger-entries.types";
import { useLedgerColumns } from "./ledger-columns";

/** Every entry of the tenant's ledger, newest first, paged on the server. */
export function LedgerEntriesPanel({ tenantId }: { tenantId: string }) {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const columns = useLedgerColumns<LedgerEntryView>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const ledger = useQuery({ ...trpc.billing.ops.ledger.queryOptions({ tenantId, ...paging }), placeholderData: keepPreviousData, staleTime: 0 });
  const error = shownError(ledger.error);
  return (
    <Flex vertical gap={12}>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      <Table<LedgerEntryView>
        rowKey="id"
        size="small"
        dataSource={ledger.data?.rows ?? []}
        loading={ledger.isFetching}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("ledger.empty") }}
        columns={columns}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: ledger.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
    </Flex>
  );
}
