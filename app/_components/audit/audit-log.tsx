"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { TAuditFilters } from "@/server/audit/audit-filters";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable } from "./audit-table";
import { AuditExportPanel } from "./audit-export-panel";
import { toAuditFilters, type FilterFormValues } from "./filter-values";
import { readableMessage, shownError } from "./trpc-error";

/**
 * The operation log page body, shared by both portals. An operator reads the whole log
 * (audit.list, tenant filter included); a tenant admin reads their tenant's part
 * (audit.listMine) — the server forces that scope, this prop only shapes the page.
 */
export function AuditLog({ scope }: { scope: "operator" | "tenant" }) {
  const t = useTranslations("audit");
  const trpc = useTRPC();
  const withTenant = scope === "operator";
  const [filters, setFilters] = useState<TAuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const input = { ...filters, ...paging };

  const list = useQuery({
    ...(withTenant ? trpc.audit.list.queryOptions(input) : trpc.audit.listMine.queryOptions(input)),
    placeholderData: keepPreviousData,
  });
  const error = shownError(list.error);

  function apply(values: FilterFormValues) {
    setFilters(toAuditFilters(values, withTenant));
    setPaging((p) => ({ ...p, page: 1 }));
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{withTenant ? t("subtitle") : t("subtitleTenant")}</Typography.Text>
      <Card>
        <AuditFilterForm withTenant={withTenant} fieldErrors={error?.fieldErrors ?? {}} onApply={apply} />
      </Card>
      <Card>
        <Flex vertical gap={16}>
          <AuditExportPanel key={JSON.stringify(filters)} filters={filters} />
          {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
          <AuditTable
            data={list.data}
            loading={list.isFetching}
            withTenant={withTenant}
            page={paging.page}
            pageSize={paging.pageSize}
            onPage={(page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
