"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Flex, Select, Table } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import type { StatementEntry } from "@/server/billing/statements/get-statement.types";
import { LEDGER_KINDS } from "@/server/billing/ledger/list-ledger-entries.types";
import { LedgerKindTag, SignedMoney, useLedgerColumns } from "./ledger-columns";
import { nowrap, useBillingFormat } from "./use-billing-format";

/** One calendar month of the tenant's zone: opening balance, entries with the running balance, closing balance. */
export function StatementPanel({ tenantId }: { tenantId: string }) {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const { money } = useBillingFormat();
  const columns = useLedgerColumns<StatementEntry>([
    { key: "balance", title: t("ledger.columns.balanceAfter"), align: "right", onCell: nowrap, render: (_, e) => money(e.balanceAfter, e.currency) },
  ]);
  const months = useQuery(trpc.billing.ops.months.queryOptions({ tenantId }));
  const [picked, setPicked] = useState<string | null>(null);
  const month = picked ?? months.data?.[0] ?? null;
  const statement = useQuery({ ...trpc.billing.ops.statement.queryOptions({ tenantId, month: month ?? "" }), enabled: month !== null, staleTime: 0 });
  const error = shownError(months.error ?? statement.error);
  const s = statement.data;
  const csv = month ? `/api/billing/statements?${new URLSearchParams({ tenantId, month })}` : undefined;

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Select
          aria-label={t("ledger.month")}
          style={{ width: 160 }}
          loading={months.isFetching}
          value={month}
          onChange={setPicked}
          options={(months.data ?? []).map((m) => ({ value: m, label: m }))}
        />
        <Button icon={<DownloadOutlined />} href={csv} disabled={!csv}>
          {t("ledger.csv")}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      {s && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("ledger.opening")}>{money(s.openingBalance, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("ledger.closing")}>{money(s.closingBalance, s.currency)}</Descriptions.Item>
          {LEDGER_KINDS.filter((k) => s.totals[k] !== 0).map((k) => (
            <Descriptions.Item key={k} label={<LedgerKindTag kind={k} />}>
              <SignedMoney fen={s.totals[k]} currency={s.currency} />
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t("ledger.timeZone")}>{s.timeZone}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<StatementEntry>
        rowKey="id"
        size="small"
        dataSource={s?.entries ?? []}
        loading={statement.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("ledger.emptyMonth") }}
        columns={columns}
      />
    </Flex>
  );
}
