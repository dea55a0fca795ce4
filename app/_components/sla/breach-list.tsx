"use client";

import { useTranslations } from "next-intl";
import { Collapse, Descriptions, Empty, Flex, Table, Tag, Typography } from "antd";
import type { BreachView } from "@/server/sla/reports/sla-report.types";
import type { CitedSample } from "@/server/sla/close/month-evidence";
import type { PromiseName } from "@/server/sla/rules/evaluate-month";
import { OutageChart } from "./outage-chart";
import { readEvidence, type ExclusionView } from "./sla-figures";
import { StepsCollapse } from "./steps-collapse";
import { useSlaText } from "./use-sla-text";

/** The outage charts drawn per breach; the rest of a long month's runs are in the samples table. */
const MAX_CHARTS = 5;
const WHY = ["maintenance", "force_majeure", "third_party", "customer"] as const;

function Exclusions({ list }: { list: ExclusionView[] }) {
  const t = useTranslations("sla.breaches");
  const text = useSlaText();
  if (!list.length) return null;
  return (
    <Descriptions size="small" column={1} title={t("exclusions")}>
      {list.map((e, i) => (
        <Descriptions.Item key={i} label={(WHY as readonly string[]).includes(e.why) ? t(`why.${e.why as (typeof WHY)[number]}`) : e.why}>
          {text.time(e.from)} – {text.time(e.to)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Samples({ samples, total }: { samples: CitedSample[]; total: number }) {
  const t = useTranslations("sla.breaches");
  const text = useSlaText();
  if (!samples.length) return <Typography.Text type="secondary">{t("noSamples")}</Typography.Text>;
  return (
    <Table<CitedSample>
      size="small"
      rowKey="id"
      title={() => t("samples", { total, shown: samples.length })}
      dataSource={samples}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: "max-content" }}
      columns={[
        { key: "id", title: t("columns.id"), dataIndex: "id" },
        { key: "at", title: t("columns.at"), render: (_, s) => text.time(s.at) },
        { key: "probe", title: t("columns.probe"), dataIndex: "probe" },
        { key: "target", title: t("columns.target"), dataIndex: "target" },
        { key: "location", title: t("columns.location"), dataIndex: "location" },
        { key: "error", title: t("columns.error"), render: (_, s) => <Typography.Text type="danger">{s.error ?? "—"}</Typography.Text> },
      ]}
    />
  );
}

/** Each promise missed, with its evidence: the outage minute by minute, the failing samples, what was excluded, the steps. */
export function BreachList({ breaches }: { breaches: BreachView[] }) {
  const t = useTranslations("sla");
  const text = useSlaText();
  if (!breaches.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("breaches.none")} />;
  return (
    <Collapse
      defaultActiveKey={breaches.map((b) => b.promise)}
      items={breaches.map((b) => {
        const evidence = readEvidence(b.evidence);
        return {
          key: b.promise,
          label: (
            <Flex gap={8} wrap align="center">
              <Tag color="error">{t(`promises.${b.promise as PromiseName}`)}</Tag>
              <Typography.Text>
                {t("breaches.measured")}: {b.measured}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t("breaches.target")}: {b.target}
              </Typography.Text>
            </Flex>
          ),
          children: (
            <Flex vertical gap={12}>
              {evidence.runs.slice(0, MAX_CHARTS).map((run) => (
                <div key={run.from}>
                  <Typography.Text strong>{t("breaches.outage", { from: text.time(run.from), to: text.clock(Date.parse(run.to)), minutes: run.minutes })}</Typography.Text>
                  <OutageChart run={run} runs={evidence.runs} />
                </div>
              ))}
              {evidence.runs.length > 0 && <Samples samples={evidence.failingSamples} total={evidence.failingSamplesTotal} />}
              <Exclusions list={evidence.exclusions} />
              {evidence.figure && <StepsCollapse steps={evidence.figure.steps} />}
            </Flex>
          ),
        };
      })}
    />
  );
}
