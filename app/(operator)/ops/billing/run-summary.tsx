"use client";

import { useTranslations } from "next-intl";
import { Descriptions, Typography } from "antd";
import type { BillingRunView } from "@/server/billing/run/billing-run.types";
import { RunStatusTag } from "./run-status-tag";
import { useBillingFormat } from "./use-billing-format";

/** What a run did: tenants charged and how much, suspended for a balance that could not pay, skipped, resizes and renewals. */
export function RunSummary({ run, compact = false }: { run: BillingRunView; compact?: boolean }) {
  const t = useTranslations("opsBilling.runs");
  const { money, count, dateTime } = useBillingFormat();
  return (
    <Descriptions size="small" bordered={!compact} column={compact ? 1 : { xs: 1, md: 2, xl: 3 }} aria-label={t("summary")}>
      <Descriptions.Item label={t("columns.month")}>{run.month}</Descriptions.Item>
      <Descriptions.Item label={t("columns.status")}>
        <RunStatusTag status={run.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t("columns.processed")}>{t("processedOf", { processed: count(run.processed), total: count(run.tenantsTotal) })}</Descriptions.Item>
      <Descriptions.Item label={t("columns.charged")}>{t("chargedSummary", { count: run.charged, amount: money(run.chargedAmount) })}</Descriptions.Item>
      <Descriptions.Item label={t("columns.suspended")}>{count(run.suspended)}</Descriptions.Item>
      {!compact && <Descriptions.Item label={t("columns.skipped")}>{count(run.skipped)}</Descriptions.Item>}
      {!compact && <Descriptions.Item label={t("columns.resizes")}>{count(run.resizesApplied)}</Descriptions.Item>}
      {!compact && <Descriptions.Item label={t("columns.renewals")}>{count(run.renewals)}</Descriptions.Item>}
      <Descriptions.Item label={run.finishedAt ? t("columns.finished") : t("columns.started")}>{dateTime(run.finishedAt ?? run.startedAt)}</Descriptions.Item>
      {run.error && (
        <Descriptions.Item label={t("columns.error")}>
          <Typography.Text type="danger">{run.error}</Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
