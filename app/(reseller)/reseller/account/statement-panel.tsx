"use client";

import { useTranslations } from "next-intl";
import { Alert, Descriptions } from "antd";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { MonthStatement, usePickedMonth } from "@/app/_components/statement/month-statement";
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
  const [month, setPicked] = usePickedMonth(months.data);
  const statement = api.useStatement(month);
  const columns = useEntryColumns<Entry>([
    { key: "balance", title: t("columns.balanceAfter"), align: "right", onCell: nowrap, render: (_, e) => money(e.balanceAfter, e.currency) },
  ]);
  const error = shownError(months.error ?? statement.error);
  const s = statement.data;

  return (
    <MonthStatement<Entry>
      months={months}
      month={month}
      onPick={setPicked}
      monthLabel={t("statement.month")}
      csvHref={month ? api.csvHref(month) : undefined}
      csvLabel={t("statement.csv")}
      entries={s?.entries ?? []}
      loading={statement.isFetching}
      emptyText={t("statement.empty")}
      columns={columns}
    >
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
    </MonthStatement>
  );
}
