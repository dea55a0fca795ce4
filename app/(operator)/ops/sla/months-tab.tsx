"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Flex, Form, Select, Table, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useTRPC } from "@/app/_trpc/client";
import { readableMessage, shownError } from "@/app/_components/audit/trpc-error";
import { MonthStatusTag } from "@/app/_components/sla/verdict-tag";
import { useSlaText } from "@/app/_components/sla/use-sla-text";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { SlaMonthRow } from "@/server/sla/reports/sla-report.types";
import { CloseMonthCard } from "./close-month-card";
import { CreditStatusTag } from "./credit-status-tag";
import { serverPagination } from "./paging";
import { TenantReportDrawer } from "./tenant-report-drawer";

type Status = "met" | "breached" | "no_evidence";

/** Every tenant's month, worst first; a row opens the tenant's report, as the customer sees it. */
export function MonthsTab() {
  const t = useTranslations("opsSla");
  const ts = useTranslations("sla.status");
  const trpc = useTRPC();
  const text = useSlaText();
  const { money } = useDisplayFormat();
  const [month, setMonth] = useState(() => dayjs().subtract(1, "month").format("YYYY-MM"));
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const [sort, setSort] = useState<"worst" | "breaches">("worst");
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<SlaMonthRow | null>(null);
  const months = useQuery({ ...trpc.sla.ops.months.queryOptions({ month, sort, ...paging, ...(status ? { status } : {}) }), placeholderData: keepPreviousData, staleTime: 0 });
  const error = shownError(months.error);

  const columns: TableColumnsType<SlaMonthRow> = [
    { key: "tenant", title: t("months.columns.tenant"), render: (_, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r)}>
          {r.tenantName}
        </Button> },
    { key: "status", title: t("months.columns.status"), render: (_, r) => <MonthStatusTag status={r.status} /> },
    { key: "availability", title: t("months.columns.availability"), align: "right", render: (_, r) => (r.availabilityPpm === null ? "—" : text.percent(r.availabilityPpm)) },
    { key: "interruption", title: t("months.columns.interruption"), align: "right", dataIndex: "interruptionMinutes" },
    { key: "breaches", title: t("months.columns.breaches"), align: "right", dataIndex: "breaches" },
    {
      key: "credit",
      title: t("months.columns.credit"),
      render: (_, r) =>
        r.credit ? (
          <Flex gap={4} align="center">
            <CreditStatusTag status={r.credit.status} />
            {r.credit.status !== "rejected" && money(r.credit.amount)}
          </Flex>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <CloseMonthCard defaultMonth={month} onClosed={setMonth} />
      <Card size="small">
        <Flex vertical gap={12}>
          <Form layout="inline">
            <Form.Item label={t("months.month")}>
              <DatePicker
                picker="month"
                format="YYYY-MM"
                allowClear={false}
                aria-label={t("months.month")}
                value={dayjs(month)}
                onChange={(d) => {
                  if (d) setMonth(d.format("YYYY-MM"));
                  setPaging((p) => ({ ...p, page: 1 }));
                }}
              />
            </Form.Item>
            <Form.Item label={t("months.status")}>
              <Select
                aria-label={t("months.status")}
                style={{ minWidth: 140 }}
                value={status ?? "all"}
                onChange={(v: Status | "all") => setStatus(v === "all" ? undefined : v)}
                options={[{ value: "all", label: t("months.allStatuses") }, ...(["breached", "met", "no_evidence"] as const).map((s) => ({ value: s, label: ts(s) }))]}
              />
            </Form.Item>
            <Form.Item label={t("months.sort")}>
              <Select
                aria-label={t("months.sort")}
                style={{ minWidth: 180 }}
                value={sort}
                onChange={setSort}
                options={[
                  { value: "worst", label: t("months.sortWorst") },
                  { value: "breaches", label: t("months.sortBreaches") },
                ]}
              />
            </Form.Item>
          </Form>
          {error && <Alert type="error" showIcon title={t("errors.loadFailed")} description={readableMessage(error, t)} />}
          <Table<SlaMonthRow>
            rowKey="tenantId"
            size="small"
            dataSource={months.data?.rows ?? []}
            loading={months.isFetching}
            columns={columns}
            onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: "pointer" } })}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("months.empty") }}
            pagination={serverPagination(paging, months.data?.total, setPaging, (total) => t("months.total", { total }))}
          />
        </Flex>
      </Card>
      {open && <TenantReportDrawer tenantId={open.tenantId} tenantName={open.tenantName} month={month} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
