"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Select, Statistic, Table } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { useActingTenant } from "@/app/_components/acting-tenant";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { StatementEntry } from "@/server/billing/statements/get-statement.types";
import { useLedgerColumns } from "./ledger-columns";
import { useBillingFormat } from "./use-billing-format";

/** One month's statement: opening balance, the month's entries with the balance after each, closing balance, CSV. */
export function StatementPanel() {
  const t = useTranslations("billing");
  // A reseller on its client's page downloads that client's statement.
  const acting = useActingTenant();
  const trpc = useTRPC();
  const { money, month: monthName } = useBillingFormat();
  const columns = useLedgerColumns<StatementEntry>();
  const months = useQuery(trpc.billing.statements.months.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen ?? months.data?.[0] ?? null;
  const statement = useQuery({ ...trpc.billing.statements.statement.queryOptions({ month: month ?? "" }), enabled: month !== null });
  const error = shownError(months.error ?? statement.error);
  const s = statement.data;

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <Select
          aria-label={t("history.month")}
          style={{ width: 200 }}
          loading={months.isLoading}
          value={month}
          onChange={setChosen}
          options={(months.data ?? []).map((m) => ({ value: m, label: monthName(m) }))}
        />
        {month && (
          <Button icon={<DownloadOutlined />} href={`/api/billing/statements?${new URLSearchParams({ month, ...(acting ? { tenantId: acting.tenantId } : {}) })}`}>
            {t("history.download")}
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={t("history.loadFailed")} description={readableMessage(error, t)} />}
      {s && (
        <>
          <Flex gap={48} wrap>
            <Statistic title={t("history.opening")} value={money(s.openingBalance, s.currency)} />
            <Statistic title={t("history.closing")} value={money(s.closingBalance, s.currency)} />
          </Flex>
          <Table<StatementEntry>
            rowKey="id"
            size="small"
            loading={statement.isFetching}
            dataSource={s.entries}
            pagination={false}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("history.empty") }}
            columns={[
              ...columns,
              {
                key: "after",
                title: t("history.columns.balanceAfter"),
                align: "right",
                render: (_, e) => <span style={{ whiteSpace: "nowrap" }}>{money(e.balanceAfter, e.currency)}</span>,
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
