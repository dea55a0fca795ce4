"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Flex, Select, Skeleton, Typography } from "antd";
import dayjs from "dayjs";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { SlaReportView } from "@/app/_components/sla/sla-report-view";
import { useDisplayFormat } from "@/app/_components/use-display-format";

/** The customer's SLA page: the closed months (newest first) and the chosen month's report. */
export function SlaPage() {
  const t = useTranslations("sla");
  const trpc = useTRPC();
  const { month: monthText } = useDisplayFormat();
  const months = useQuery(trpc.sla.customer.months.queryOptions());
  const [picked, setPicked] = useState<string | null>(null);
  const month = picked ?? months.data?.[0] ?? null;
  // The month under way is offered too, so "is last month's report ready?" has an answer on the page.
  const current = dayjs().format("YYYY-MM");
  const options = [...new Set([current, ...(months.data ?? [])])];
  const report = useQuery({ ...trpc.sla.customer.report.queryOptions({ month: month ?? "" }), enabled: month !== null });
  const error = shownError(months.error ?? report.error);

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("subtitle")}</Typography.Text>
      {error && <Alert type="error" showIcon title={t("loadFailed")} description={readableMessage(error, t)} />}
      {months.data && months.data.length === 0 && !picked && <Empty description={t("noMonths")} />}
      {months.data && (
        <Flex gap={8} align="center">
          <Typography.Text>{t("month")}</Typography.Text>
          <Select
            aria-label={t("month")}
            value={month ?? undefined}
            placeholder={t("month")}
            onChange={setPicked}
            style={{ minWidth: 180 }}
            options={options.map((m) => ({ value: m, label: monthText(m) }))}
          />
        </Flex>
      )}
      {(months.isLoading || report.isLoading) && <Skeleton active />}
      {report.data && <SlaReportView report={report.data} />}
    </Flex>
  );
}
