"use client";

import { useTranslations } from "next-intl";
import { Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from "antd";
import type { AccountSummary } from "@/server/resellers/account/get-account-summary";
import { useDisplayFormat } from "@/app/_components/use-display-format";

/** Balance against the credit limit (with a usage bar), and this month's money. */
export function SummaryCards({ summary, ops = false }: { summary: AccountSummary; ops?: boolean }) {
  const t = useTranslations("resellerAccount.summary");
  const { money } = useDisplayFormat();
  const c = summary.currency;
  const used = summary.creditLimit > 0 ? Math.min(100, Math.round((summary.owed / summary.creditLimit) * 1000) / 10) : summary.owed > 0 ? 100 : 0;
  const m = summary.thisMonth;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t("credit")} extra={summary.status === "suspended" && <Tag color="red">{t("suspended")}</Tag>} style={{ height: "100%" }}>
          <Flex vertical gap={12}>
            <Row gutter={16}>
              <Col span={8}>
                <Statistic title={t("owed")} value={money(summary.owed, c)} />
              </Col>
              <Col span={8}>
                <Statistic title={t("creditLimit")} value={money(summary.creditLimit, c)} />
              </Col>
              <Col span={8}>
                <Statistic title={t("available")} value={money(summary.available, c)} />
              </Col>
            </Row>
            <Progress
              percent={used}
              status={used >= 90 ? "exception" : "normal"}
              aria-label={t("usage")}
              format={(p) => t("usedPercent", { percent: p ?? 0 })}
              data-testid="credit-usage"
            />
            <Typography.Text type="secondary">
              {summary.balance > 0 ? t(ops ? "platformOwesReseller" : "platformOwes", { amount: money(summary.balance, c) }) : t("balanceHelp")}
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t("thisMonth", { month: summary.month })} style={{ height: "100%" }}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t("clientPaid")} value={money(m.clientPaid, c)} />
            </Col>
            <Col span={8}>
              <Statistic title={t("wholesale")} value={money(m.wholesale, c)} />
            </Col>
            <Col span={8}>
              <Statistic title={t("margin")} value={money(m.margin, c)} styles={{ content: { color: "#389e0d" } }} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
