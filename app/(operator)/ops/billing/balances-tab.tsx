"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Input } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { BalancesTable, type BalancesQuery } from "./balances-table";
import { useTenantDialogs } from "./use-tenant-dialogs";

/** All tenants' balances, searchable by name, with each tenant's ledger, adjustments and lifecycle. */
export function BalancesTab() {
  const t = useTranslations("opsBilling");
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState<BalancesQuery>({ page: 1, pageSize: 20, sort: "name", direction: "asc" });
  const balances = useQuery({
    ...trpc.billing.ops.balances.queryOptions({ ...query, ...(search ? { search } : {}) }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const error = shownError(balances.error);
  const { open, dialogs } = useTenantDialogs();

  return (
    <Card>
      <Flex vertical gap={12}>
        <Input.Search
          allowClear
          placeholder={t("balances.searchPlaceholder")}
          aria-label={t("balances.search")}
          onSearch={(value) => {
            setSearch(value.trim());
            setQuery((q) => ({ ...q, page: 1 }));
          }}
          style={{ maxWidth: 360 }}
        />
        {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
        <BalancesTable data={balances.data} loading={balances.isFetching} query={query} onQuery={setQuery} onAction={open} />
      </Flex>
      {dialogs}
    </Card>
  );
}
