"use client";

import { useTranslations } from "next-intl";
import { Flex, Tag, Typography } from "antd";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";
import type { BalanceRow, TenantSummary } from "@/server/billing/ops/list-balances.types";

/** The tenant's status tag, with why it is suspended (payment lifts only a non-payment suspension). */
export function TenantStatusCell({ tenant }: { tenant: Pick<TenantSummary, "status" | "suspendedReason"> }) {
  const t = useTranslations("opsBilling.suspendedReason");
  return (
    <Flex vertical gap={2} align="start">
      <TenantStatusTag status={tenant.status} />
      {tenant.suspendedReason && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(tenant.suspendedReason)}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * The last day the balance pays for, and the days until the balance runs out below it, coloured
 * when a reminder is due (30, 7, 1 days ahead).
 */
export function PaidThroughCell({ day, daysLeft }: { day: string | null; daysLeft: number | null }) {
  const t = useTranslations("opsBilling.balances");
  if (daysLeft === null) return <Typography.Text type="secondary">{day ?? "—"}</Typography.Text>;
  const type = daysLeft <= 7 ? "danger" : daysLeft <= 30 ? "warning" : "secondary";
  return (
    <Flex vertical gap={2}>
      <span>{day ?? "—"}</span>
      <Typography.Text type={type} style={{ fontSize: 12 }}>
        {t("daysLeft", { days: daysLeft })}
      </Typography.Text>
    </Flex>
  );
}

/** The plan, marked while its order waits for payment (no billing until it is paid). */
export function PlanCell({ row }: { row: Pick<BalanceRow, "plan" | "subscriptionStatus"> }) {
  const t = useTranslations("opsBilling.balances");
  if (!row.plan) return <Typography.Text type="secondary">{t("noPlan")}</Typography.Text>;
  return (
    <Flex vertical gap={2} align="start">
      <span>{row.plan.name}</span>
      {row.subscriptionStatus === "pending" && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t("awaitingPayment")}
        </Tag>
      )}
    </Flex>
  );
}
