"use client";

import { useTranslations } from "next-intl";
import { Table, Typography } from "antd";
import type { BillingRunView } from "@/server/billing/run/billing-run.types";
import { RunStatusTag } from "./run-status-tag";
import { nowrap, useBillingFormat } from "./use-billing-format";

type Page = { items: BillingRunView[]; total: number };

/** Every run, newest first, with its summary counters. */
export function RunsTable({
  data,
  loading,
  page,
  pageSize,
  onPage,
}: {
  data: Page | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}) {
  const t = useTranslations("opsBilling.runs");
  const { money, count, shortDateTime } = useBillingFormat();
  const num = (key: keyof BillingRunView & ("suspended" | "skipped" | "resizesApplied" | "renewals")) => (_: unknown, r: BillingRunView) => count(r[key]);
  return (
    <Table<BillingRunView>
      rowKey="id"
      size="middle"
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("empty") }}
      pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: onPage, hideOnSinglePage: true }}
      columns={[
        { key: "month", title: t("columns.month"), dataIndex: "month", onCell: nowrap },
        { key: "trigger", title: t("columns.trigger"), onCell: nowrap, render: (_, r) => (isTrigger(r.trigger) ? t(`triggers.${r.trigger}`) : r.trigger) },
        { key: "status", title: t("columns.status"), render: (_, r) => <RunStatusTag status={r.status} /> },
        { key: "processed", title: t("columns.processed"), align: "right", onCell: nowrap, render: (_, r) => `${count(r.processed)} / ${count(r.tenantsTotal)}` },
        { key: "charged", title: t("columns.charged"), align: "right", render: (_, r) => count(r.charged) },
        { key: "amount", title: t("columns.chargedAmount"), align: "right", onCell: nowrap, render: (_, r) => money(r.chargedAmount) },
        { key: "suspended", title: t("columns.suspended"), align: "right", render: num("suspended") },
        { key: "skipped", title: t("columns.skipped"), align: "right", render: num("skipped") },
        { key: "resizes", title: t("columns.resizes"), align: "right", render: num("resizesApplied") },
        { key: "renewals", title: t("columns.renewals"), align: "right", render: num("renewals") },
        { key: "started", title: t("columns.started"), onCell: nowrap, render: (_, r) => shortDateTime(r.startedAt) },
        { key: "finished", title: t("columns.finished"), onCell: nowrap, render: (_, r) => (r.finishedAt ? shortDateTime(r.finishedAt) : "—") },
        {
          key: "error",
          title: t("columns.error"),
          render: (_, r) =>
            r.error ? (
              <Typography.Text type="danger" ellipsis={{ tooltip: r.error }} style={{ maxWidth: 240 }}>
                {r.error}
              </Typography.Text>
            ) : null,
        },
      ]}
    />
  );
}

const TRIGGERS = ["schedule", "operator", "cli", "bench", "test"] as const;
const isTrigger = (value: string): value is (typeof TRIGGERS)[number] => (TRIGGERS as readonly string[]).includes(value);
