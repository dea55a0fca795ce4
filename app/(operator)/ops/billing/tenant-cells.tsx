"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Flex, Tag, Typography } from "antd";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";
import type { BalanceRow, TenantSummary } from "@/server/billing/ops/list-balances.types";
import { useBillingFormat } from "./use-billing-format";

/** A small grey line under a cell's main value. */
const Note = ({ children }: { children: ReactNode }) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {children}
  </Typography.Text>
);

/**
 * The tenant's status tag, with what it means next: why it is suspended (payment lifts only a
 * non-payment suspension), until when a terminated tenant can still be restored, or that it was
 * purged (it keeps status frozen, so the tag says purged instead).
 */
export function TenantStatusCell({ tenant }: { tenant: Pick<TenantSummary, "status" | "suspendedReason" | "frozenUntil" | "purgedAt"> }) {
  const t = useTranslations("opsBilling");
  const { shortDateTime } = useBillingFormat();
  if (tenant.purgedAt) {
    return (
      <Flex vertical gap={2} align="start">
        <Tag style={{ marginInlineEnd: 0 }}>{t("tenantState.purged")}</Tag>
        <Note>{t("tenantState.purgedOn", { date: shortDateTime(tenant.purgedAt) })}</Note>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2} align="start">
      <TenantStatusTag status={tenant.status} />
      {tenant.status === "frozen" && tenant.frozenUntil && <Note>{t("tenantState.frozenUntil", { date: shortDateTime(tenant.frozenUntil) })}</Note>}
      {tenant.status === "suspended" && tenant.suspendedReason && <Note>{t(`suspendedReason.${tenant.suspendedReason}`)}</Note>}
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
