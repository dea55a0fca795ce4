"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Flex, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { TLoginLogFilters } from "@/server/auth/login-log/login-log-filters";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { LoginLogFilterForm } from "./login-log-filter-form";
import { LoginLogTable } from "./login-log-table";
import { LoginLogChart } from "./login-log-chart";
import { LoginLogExportPanel } from "./login-log-export-panel";
import { toLoginLogFilters, type LoginLogFormValues } from "./filter-values";

/**
 * The login log page body, shared by both portals. The server forces a tenant admin's scope
 * (their tenant's admins and mailboxes); `scope` only shapes the page (the tenant filter and
 * column are the operator's).
 */
export function LoginLog({ scope }: { scope: "operator" | "tenant" }) {
  const t = useTranslations("loginLog");
  const trpc = useTRPC();
  const withTenant = scope === "operator";
  const [filters, setFilters] = useState<TLoginLogFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  const list = useQuery({ ...trpc.security.loginLog.list.queryOptions({ ...filters, ...paging }), placeholderData: keepPreviousData });
  const stats = useQuery(trpc.security.loginLog.stats.queryOptions({ tenantId: filters.tenantId }));
  const error = shownError(list.error);
  const statsError = shownError(stats.error);

  function apply(values: LoginLogFormValues) {
    setFilters(toLoginLogFilters(values, withTenant));
    setPaging((p) => ({ ...p, page: 1 }));
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{withTenant ? t("subtitle") : t("subtitleTenant")}</Typography.Text>
      <Card>
        {stats.data && <LoginLogChart stats={stats.data} />}
        {statsError && <Alert type="warning" showIcon title={t("errors.statsFailed")} description={readableMessage(statsError, t)} />}
      </Card>
      <Card>
        <LoginLogFilterForm withTenant={withTenant} fieldErrors={error?.fieldErrors ?? {}} onApply={apply} />
      </Card>
      <Card>
        <Flex vertical gap={16}>
          <LoginLogExportPanel key={JSON.stringify(filters)} filters={filters} />
          {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
          <LoginLogTable
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
