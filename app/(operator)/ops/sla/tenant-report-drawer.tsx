"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Drawer, Flex, Select, Skeleton, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { SlaReportView } from "@/app/_components/sla/sla-report-view";
import { useDisplayFormat } from "@/app/_components/use-display-format";

/** One tenant's report in the same view the customer has, with the tenant's other closed months a pick away. */
export function TenantReportDrawer({ tenantId, tenantName, month: initial, onClose }: { tenantId: string; tenantName: string; month: string; onClose: () => void }) {
  const t = useTranslations("opsSla");
  const trpc = useTRPC();
  const { month: monthText } = useDisplayFormat();
  const [month, setMonth] = useState(initial);
  const months = useQuery(trpc.sla.ops.tenantMonths.queryOptions({ tenantId }));
  const report = useQuery({ ...trpc.sla.ops.report.queryOptions({ tenantId, month }), staleTime: 0 });
  const error = shownError(report.error ?? months.error);
  const options = [...new Set([month, ...(months.data ?? [])])].sort().reverse();

  return (
    <Drawer open size={1100} title={t("months.report", { tenant: tenantName, month: monthText(month) })} onClose={onClose} destroyOnHidden>
      <Flex vertical gap={16}>
        <Flex gap={8} align="center">
          <Typography.Text>{t("months.month")}</Typography.Text>
          <Select aria-label={t("months.month")} value={month} onChange={setMonth} style={{ minWidth: 180 }} options={options.map((m) => ({ value: m, label: monthText(m) }))} />
        </Flex>
        {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
        {report.isLoading && <Skeleton active />}
        {report.data && <SlaReportView report={report.data} />}
      </Flex>
    </Drawer>
  );
}
