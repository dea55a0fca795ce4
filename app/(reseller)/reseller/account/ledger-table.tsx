"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert, Flex, Select, Table, type TableColumnsType } from "antd";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { RESELLER_LEDGER_KINDS, type ResellerEntryView } from "@/server/resellers/account/account.types";
import { nowrap, ResellerKindTag, SignedMoney } from "./account-parts";
import { useAccountApi } from "./use-account-api";

type Kind = (typeof RESELLER_LEDGER_KINDS)[number];

/** The columns of a reseller ledger entry, for the ledger and the statement; `extra` goes after the amount. */
export function useEntryColumns<T extends ResellerEntryView>(extra: TableColumnsType<T> = []): TableColumnsType<T> {
  const t = useTranslations("resellerAccount.columns");
  const { shortDateTime, money } = useDisplayFormat();
  const fen = (n: number | null, c: string) => (n === null ? "—" : money(n, c));
  return [
    { key: "at", title: t("at"), onCell: nowrap, render: (_, e) => shortDateTime(e.occurredAt) },
    { key: "kind", title: t("kind"), render: (_, e) => <ResellerKindTag kind={e.kind} /> },
    { key: "client", title: t("client"), render: (_, e) => e.tenantName ?? e.tenantId ?? "—" },
    { key: "reference", title: t("reference"), onCell: nowrap, render: (_, e) => e.reference ?? "—" },
    { key: "clientAmount", title: t("clientAmount"), align: "right", onCell: nowrap, render: (_, e) => fen(e.clientAmount, e.currency) },
    { key: "wholesale", title: t("wholesale"), align: "right", onCell: nowrap, render: (_, e) => fen(e.wholesaleAmount, e.currency) },
    { key: "margin", title: t("margin"), align: "right", onCell: nowrap, render: (_, e) => fen(e.marginAmount, e.currency) },
    { key: "amount", title: t("amount"), align: "right", onCell: nowrap, render: (_, e) => <SignedMoney fen={e.amount} currency={e.currency} /> },
    ...extra,
    { key: "note", title: t("note"), render: (_, e) => e.note ?? "" },
  ];
}

/** The reseller's own ledger (or, for an operator, the chosen reseller's), newest first, filtered by kind, month and client. */
export function LedgerTable({ resellerId }: { resellerId?: string }) {
  const t = useTranslations("resellerAccount");
  const api = useAccountApi(resellerId);
  const [kind, setKind] = useState<Kind | undefined>();
  const [month, setMonth] = useState<string | undefined>();
  const [tenantId, setTenantId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const months = api.useMonths();
  const ledger = api.useLedger({ page, pageSize, kind, month, tenantId });
  const columns = useEntryColumns<ResellerEntryView>();
  const error = shownError(ledger.error);
  const reset = <V,>(set: (v: V) => void) => (v: V) => {
    set(v);
    setPage(1);
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <Select<Kind>
          allowClear
          aria-label={t("filters.kind")}
          placeholder={t("filters.kind")}
          style={{ width: 180 }}
          value={kind}
          onChange={reset(setKind)}
          options={RESELLER_LEDGER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Select<string>
          allowClear
          aria-label={t("filters.month")}
          placeholder={t("filters.month")}
          style={{ width: 160 }}
          value={month}
          onChange={reset(setMonth)}
          options={(months.data ?? []).map((m) => ({ value: m, label: m }))}
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t("filters.client")}
          placeholder={t("filters.client")}
          style={{ width: 240 }}
          value={tenantId}
          onChange={reset(setTenantId)}
          options={(ledger.data?.clients ?? []).map((c) => ({ value: c.tenantId, label: c.name }))}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
      <Table<ResellerEntryView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={ledger.data?.rows ?? []}
        loading={ledger.isFetching}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("ledger.empty") }}
        pagination={{ current: page, pageSize, total: ledger.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </Flex>
  );
}
