"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Descriptions } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { MonthStatement, usePickedMonth } from "@/app/_components/statement/month-statement";
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
  const [month, setPicked] = usePickedMonth(months.data);
  const statement = useQuery({ ...trpc.billing.ops.statement.queryOptions({ tenantId, month: month ?? "" }), enabled: month !== null, staleTime: 0 });
  const error = shownError(months.error ?? statement.error);
  const s = statement.data;
  const csv = month ? `/api/billing/statements?${new URLSearchParams({ tenantId, month })}` : undefined;

  return (
    <MonthStatement<StatementEntry>
      months={months}
      month={month}
      onPick={setPicked}
      monthLabel={t("ledger.month")}
      csvHref={csv}
      csvLabel={t("ledger.csv")}
      entries={s?.entries ?? []}
      loading={statement.isFetching}
      emptyText={t("ledger.emptyMonth")}
      columns={columns}
    >
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
    </MonthStatement>
  );
}
