"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Button, Descriptions, Flex, Select, Table } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { ResellerStatement } from "@/server/resellers/account/get-reseller-statement";
import { nowrap } from "./account-parts";
import { useEntryColumns } from "./ledger-table";
import { useAccountApi } from "./use-account-api";

type Entry = ResellerStatement["entries"][number];

/** One calendar month (Asia/Shanghai): opening, entries with the running balance, closing, and the month's totals; CSV download. */
export function StatementPanel({ resellerId }: { resellerId?: string }) {
  const t = useTranslations("resellerAccount");
  const api = useAccountApi(resellerId);
  const { money } = useDisplayFormat();
  const months = api.useMonths();
  const [picked, setPicked] = useState<string | null>(null);
  const month = picked ?? months.data?.[0] ?? null;
  const statement = api.useStatement(month);
  const columns = useEntryColumns<Entry>([
    { key: "balance", title: t("columns.balanceAfter"), align: "right", onCell: nowrap, render: (_, e) => money(e.balanceAfter, e.currency) },
  ]);
  const error = shownError(months.error ?? statement.error);
  const s = statement.data;

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Select
          aria-label={t("statement.month")}
          style={{ width: 160 }}
          loading={months.isFetching}
          value={month}
          onChange={setPicked}
          options={(months.data ?? []).map((m) => ({ value: m, label: m }))}
        />
        <Button icon={<DownloadOutlined />} href={month ? api.csvHref(month) : undefined} disabled={!month}>
          {t("statement.csv")}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      {s && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="reseller-statement-totals">
          <Descriptions.Item label={t("statement.opening")}>{money(s.openingBalance, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.closing")}>{money(s.closingBalance, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.owed")}>{money(s.closingOwed, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.clientPaid")}>{money(s.totals.clientPaid, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.wholesale")}>{money(s.totals.wholesale, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.margin")}>{money(s.totals.margin, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.charged")}>{money(s.totals.charged, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.paid")}>{money(s.totals.paid, s.currency)}</Descriptions.Item>
          <Descriptions.Item label={t("statement.timeZone")}>{s.timeZone}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<Entry>
        rowKey="id"
        size="small"
        dataSource={s?.entries ?? []}
        loading={statement.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("statement.empty") }}
        columns={columns}
      />
    </Flex>
  );
}
