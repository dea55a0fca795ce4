"use client";

import { useTranslations } from "next-intl";
import { Card, Col, Empty, Flex, Result, Row, Typography } from "antd";
import type { SlaReport } from "@/server/sla/reports/sla-report.types";
import { PROMISES } from "@/server/sla/rules/evaluate-month";
import type { LatencyFigure } from "@/server/sla/rules/latency";
import type { RateFigure } from "@/server/sla/rules/rates";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { AvailabilityChart } from "./availability-chart";
import { BreachList } from "./breach-list";
import { CreditPanel } from "./credit-panel";
import { LatencyChart } from "./latency-chart";
import { PromiseCard } from "./promise-card";
import { RatesChart, type RateName } from "./rates-chart";
import { readFigures } from "./sla-figures";
import { MonthStatusTag } from "./verdict-tag";

const RATE_NAMES: RateName[] = ["spamCaught", "virusFound", "virusRemoved"];

function Section({ title, help, children }: { title: string; help?: string; children: React.ReactNode }) {
  return (
    <Card title={title} size="small" style={{ height: "100%" }}>
      {help && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {help}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}

/**
 * One tenant's SLA month: every promise against its target, the charts, the breaches with their
 * evidence, the credit and the month's evidence digest. The customer's page and the operators'
 * review show the same view.
 */
export function SlaReportView({ report }: { report: SlaReport }) {
  const t = useTranslations("sla");
  const { month: monthText, dateTime } = useDisplayFormat();
  if (!report.closed) return <Result status="info" title={t("notClosed", { month: monthText(report.month) })} subTitle={t("notClosedHelp")} />;
  const figures = readFigures(report.figures);
  const send = figures.promises.sendLatency as LatencyFigure | undefined;
  const receive = figures.promises.receiveLatency as LatencyFigure | undefined;
  const rates = RATE_NAMES.flatMap((name) => {
    const figure = figures.promises[name] as RateFigure | undefined;
    return figure && figure.met !== null ? [{ name, figure }] : [];
  });
  const anyLatency = (send?.messages ?? 0) + (receive?.messages ?? 0) > 0;

  return (
    <Flex vertical gap={16} aria-label={t("title")}>
      <Flex gap={8} align="center" wrap>
        <MonthStatusTag status={report.status} />
        <Typography.Text type="secondary">{t("computedAt", { tenant: report.tenantName, at: dateTime(report.computedAt) })}</Typography.Text>
      </Flex>
      <Row gutter={[12, 12]}>
        {PROMISES.map((name) => {
          const figure = figures.promises[name];
          return figure ? (
            <Col key={name} xs={24} sm={12} xl={8}>
              <PromiseCard name={name} figure={figure} targets={figures.targets} />
            </Col>
          ) : null;
        })}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={8}>
          <Section title={t("charts.availability")} help={t("charts.availabilityHelp")}>
            <AvailabilityChart month={report.month} interruptions={figures.interruptions} />
          </Section>
        </Col>
        <Col xs={24} xl={8}>
          <Section title={t("charts.latency")} help={t("charts.latencyHelp")}>
            {anyLatency ? <LatencyChart send={send?.histogram ?? []} receive={receive?.histogram ?? []} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("charts.noMessages")} />}
          </Section>
        </Col>
        <Col xs={24} xl={8}>
          <Section title={t("charts.rates")} help={t("charts.ratesHelp")}>
            {rates.length ? <RatesChart rates={rates} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("charts.noSamples")} />}
          </Section>
        </Col>
      </Row>
      <Section title={t("breaches.title")}>
        <BreachList breaches={report.breaches} />
      </Section>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Section title={t("credit.title")}>
            <CreditPanel credit={report.credit} />
          </Section>
        </Col>
        <Col xs={24} xl={10}>
          <Section title={t("digest.title")} help={t("digest.help")}>
            {report.digest ? (
              <Typography.Text code copyable style={{ wordBreak: "break-all" }} aria-label={t("digest.title")}>
                {report.digest}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t("digest.none")}</Typography.Text>
            )}
          </Section>
        </Col>
      </Row>
    </Flex>
  );
}
