"use client";

import { useTranslations } from "next-intl";
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Statistic, Tag, Typography } from "antd";
import { TenantStatusTag } from "@/app/_components/tenant-status-tag";
import type { BillingOverview } from "@/server/billing/account/get-billing-overview";
import type { CatalogueRow } from "@/server/billing/plans/list-catalogue";
import type { PaidThrough } from "@/server/billing/rules/paid-through";
import { addMonths, lastDayOf } from "@/server/billing/rules/months";
import { BalanceChart } from "./balance-chart";
import { Day } from "./day";
import { MonthlyFee } from "./monthly-fee";
import { projectBalance } from "./projection";
import { useBillingFormat } from "./use-billing-format";

const SUBSCRIPTION_COLORS = { pending: "gold", active: "green", cancelled: "default" } as const;

/** Days left as a tag: red in the last week, orange in the last month (the reminder dates). */
function daysColor(days: number): string {
  return days <= 7 ? "red" : days <= 30 ? "orange" : "green";
}

function SuspensionAlert({ overview, onTopUp }: { overview: BillingOverview; onTopUp: () => void }) {
  const t = useTranslations("billing.status");
  const { money } = useBillingFormat();
  const { status, suspendedReason } = overview.tenant;
  if (status === "frozen") return <Alert type="error" showIcon title={t("frozenTitle")} description={t("frozenBody")} />;
  if (status !== "suspended") return null;
  if (suspendedReason !== "non_payment") return <Alert type="error" showIcon title={t("suspendedByOperator")} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t("suspendedTitle")}
      description={t("suspendedBody", { fee: money(overview.nextMonthFee ?? 0, overview.currency) })}
      action={
        <Button type="primary" danger onClick={onTopUp}>
          {t("topUpNow")}
        </Button>
      }
    />
  );
}

/** The paid-through date with the days left (or the day it ran out), as the reminders count them. */
function PaidThroughValue({ overview, paid }: { overview: BillingOverview; paid: PaidThrough }) {
  const t = useTranslations("billing.status");
  const { month, day } = useBillingFormat();
  const days = overview.daysLeft;
  if (paid.capped) return <>{t("capped")}</>;
  if (!paid.paidThroughDay) {
    return <Typography.Text type="danger">{t("notPaid", { month: month(paid.runsOutMonth ?? overview.nextMonth ?? "") })}</Typography.Text>;
  }
  return (
    <Flex gap={8} wrap align="center" data-testid="paid-through">
      <Day day={paid.paidThroughDay} />
      {days !== null && days < 0 && paid.runsOutDay && <Tag color="red">{t("expired", { date: day(paid.runsOutDay) })}</Tag>}
      {days !== null && days >= 0 && <Tag color={daysColor(days)}>{t("daysLeft", { days })}</Tag>}
    </Flex>
  );
}

/** Balance, plan and the paid-through date at the top of the page, with the projected balance. */
export function StatusSection({ overview, catalogue, onTopUp }: { overview: BillingOverview; catalogue: readonly CatalogueRow[]; onTopUp: () => void }) {
  const t = useTranslations("billing.status");
  const { money } = useBillingFormat();
  const { subscription: sub, paidThrough, currency } = overview;
  // A balance that pays no further month has nothing to chart: the alert and the date say it.
  const projected = projectBalance(overview, catalogue);
  const projection = projected && projected.points.length > 1 ? projected : null;

  const items = sub
    ? [
        { key: "plan", label: t("plan"), children: sub.plan.name },
        { key: "seats", label: t("seats"), children: t("seatsValue", { seats: sub.seats }) },
        { key: "monthly", label: t("monthlyFee"), children: <MonthlyFee seats={sub.seats} price={sub.pricePerSeatYear} currency={currency} /> },
        { key: "yearly", label: t("yearlyFee"), children: money(sub.yearlyFee, currency) },
        {
          key: "start",
          label: t("billingStart"),
          children: sub.billingStartMonth ? <Day day={`${sub.billingStartMonth}-01`} /> : t(sub.startRule === "on_mx_verified" ? "startsOnMx" : "startsOnPayment"),
        },
        ...(sub.termEndMonth ? [{ key: "term", label: t("termEnd"), children: <Day day={lastDayOf(addMonths(sub.termEndMonth, -1))} /> }] : []),
        ...(paidThrough ? [{ key: "paid", label: t("paidThrough"), children: <PaidThroughValue overview={overview} paid={paidThrough} /> }] : []),
      ]
    : [];

  return (
    <Flex vertical gap={16}>
      <SuspensionAlert overview={overview} onTopUp={onTopUp} />
      <Card title={t("title")}>
        <Row gutter={[32, 16]}>
          <Col xs={24} xl={projection ? 10 : 24}>
            <Flex vertical gap={16}>
              <Flex gap={32} wrap align="flex-start">
                <Statistic title={t("balance")} value={money(overview.balance, currency)} />
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">{t("state")}</Typography.Text>
                  <Flex gap={4} wrap>
                    <TenantStatusTag status={overview.tenant.status} />
                    {/* "Active" beside "Suspended" would read as a contradiction: the tenant's status says it. */}
                    {sub && (sub.status !== "active" || overview.tenant.status === "active") && (
                      <Tag color={SUBSCRIPTION_COLORS[sub.status]}>{t(`subscription.${sub.status}`)}</Tag>
                    )}
                  </Flex>
                </Flex>
              </Flex>
              {sub ? <Descriptions column={1} size="small" items={items} /> : <Typography.Text type="secondary">{t("none")}</Typography.Text>}
            </Flex>
          </Col>
          {projection && (
            <Col xs={24} xl={14}>
              <BalanceChart projection={projection} currency={currency} />
            </Col>
          )}
        </Row>
      </Card>
    </Flex>
  );
}
