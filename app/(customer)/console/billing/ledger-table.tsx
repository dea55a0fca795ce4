"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Flex, Select, Table } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { LEDGER_KINDS, type LedgerEntryView } from "@/server/billing/ledger/list-ledger-entries.types";
import { useLedgerColumns } from "./ledger-columns";

type Kind = (typeof LEDGER_KINDS)[number];

/** The tenant's own ledger, newest first, paged on the server, filterable by kind. */
export function LedgerTable() {
  const t = useTranslations("billing");
  const trpc = useTRPC();
  const columns = useLedgerColumns<LedgerEntryView>();
  const [kind, setKind] = useState<Kind | undefined>(undefined);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const ledger = useQuery({ ...trpc.billing.statements.ledger.queryOptions({ ...paging, kind }), placeholderData: keepPreviousData });
  const error = shownError(ledger.error);
  return (
    <Flex vertical gap={12}>
      <Select<Kind | undefined>
        allowClear
        placeholder={t("history.allKinds")}
        aria-label={t("history.columns.kind")}
        style={{ width: 200 }}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={LEDGER_KINDS.map((k) => ({ value: k, label: t(`history.ledgerKind.${k}`) }))}
      />
      {error && <Alert type="error" showIcon title={t("history.loadFailed")} description={readableMessage(error, t)} />}
      <Table<LedgerEntryView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={ledger.data?.rows ?? []}
        loading={ledger.isFetching}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("history.empty") }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: ledger.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t("history.total", { total }),
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
      />
    </Flex>
  );
}
