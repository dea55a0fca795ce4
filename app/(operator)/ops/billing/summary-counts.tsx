"use client";

import { useTranslations } from "next-intl";
import { Flex, Statistic } from "antd";
import type { BillingSummary } from "@/server/billing/ops/get-billing-summary";
import { useBillingFormat } from "./use-billing-format";

// The colours of the tenant status tags (app/_components/tenant-status-tag.tsx), so a count reads like its tag.
const COLORS = { active: "#389e0d", suspended: "#d46b08", frozen: "#cf1322" };

/**
 * What the platform bills for (live subscriptions and their seats) and where every tenant is in
 * the lifecycle: active, suspended for non-payment or by an operator, frozen (restorable), purged.
 */
export function SummaryCounts({ summary, loading }: { summary: BillingSummary | undefined; loading: boolean }) {
  const t = useTranslations("opsBilling.overview.counts");
  const { count } = useBillingFormat();
  const item = (title: string, value: number | undefined, color?: string) => (
    <Statistic
      title={title}
      value={value === undefined ? "—" : count(value)}
      loading={loading}
      style={{ minWidth: 120 }}
      styles={{ content: { fontSize: 20, color: value ? color : undefined } }}
    />
  );
  const tenants = summary?.tenants;
  return (
    <Flex wrap gap={32}>
      {item(t("subscriptions"), summary?.subscriptions.active)}
      {item(t("seats"), summary?.subscriptions.seats)}
      {item(t("active"), tenants?.active, COLORS.active)}
      {item(t("suspendedNonPayment"), tenants?.suspendedNonPayment, COLORS.suspended)}
      {item(t("suspendedOperator"), tenants?.suspendedOperator, COLORS.suspended)}
      {item(t("frozen"), tenants?.frozen, COLORS.frozen)}
      {item(t("purged"), tenants?.purged)}
    </Flex>
  );
}
