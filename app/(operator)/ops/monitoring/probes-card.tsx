"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Col, Flex, Row, Statistic, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import type { MonitoringSnapshot, Share } from "@/server/operations/monitoring/get-monitoring-snapshot.types";

type Probes = NonNullable<MonitoringSnapshot["probes"]>;
type UptimeRow = Probes["uptime"][number];

const PROBES = ["smtp_mx", "submission", "pop3", "http", "network", "e2e", "spam", "ham", "virus"] as const;
const isProbe = (p: string): p is (typeof PROBES)[number] => (PROBES as readonly string[]).includes(p);

/** The SLA probes over 24 h: uptime per service, delivery latency, spam/ham/virus rates, failing probes. */
export function ProbesCard({ probes }: { probes: Probes }) {
  const t = useTranslations("monitoring.probes");
  const fmt = useDisplayFormat();
  const format = useFormatter();
  // In the reader's language: "99.5%", "1,500毫秒" / "1,500 ms", "12.3秒" / "12.3 sec".
  const pct = (s: Share) => (s.pct === null ? "—" : format.number(s.pct / 100, { style: "percent", maximumFractionDigits: 2 }));
  const ms = (v: number | null) =>
    v === null
      ? "—"
      : v >= 10_000
        ? format.number(v / 1000, { style: "unit", unit: "second", maximumFractionDigits: 1 })
        : format.number(v, { style: "unit", unit: "millisecond" });
  const probeName = (p: string) => (isProbe(p) ? t(`names.${p}`) : p);
  const columns: TableColumnsType<UptimeRow> = [
    { title: t("columns.probe"), dataIndex: "probe", render: (p: string) => probeName(p) },
    { title: t("columns.uptime"), key: "pct", render: (_, r) => (r.samples === 0 ? <Tag>{t("noSamples")}</Tag> : <Tag color={r.ok === r.samples ? "green" : "orange"}>{pct(r)}</Tag>) },
    { title: t("columns.samples"), key: "samples", render: (_, r) => t("okOf", { ok: r.ok, samples: r.samples }) },
  ];
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t("latencyP50")} value={ms(probes.deliveryLatencyMs.p50)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t("latencyP95")} value={ms(probes.deliveryLatencyMs.p95)} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t("spamCaught")} value={pct(probes.spamCaught)} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t("falsePositive")} value={pct(probes.hamFalsePositive)} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t("virusFound")} value={pct(probes.virusFound)} />
        </Col>
      </Row>
      <Table<UptimeRow> rowKey="probe" columns={columns} dataSource={probes.uptime} pagination={false} size="small" scroll={{ x: 420 }} />
      {probes.latestFailures.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t("latestFailures")}</Typography.Text>
          {probes.latestFailures.map((f) => (
            <Typography.Text key={`${f.probe}.${f.target}`} type="danger">
              {t("failure", { probe: probeName(f.probe), target: f.target, time: fmt.shortDateTime(f.at) })}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
