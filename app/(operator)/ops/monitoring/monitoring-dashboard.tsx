"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Flex, Row, Skeleton, Typography } from "antd";
import { useTRPC } from "@/app/_trpc/client";
import type { SourceName } from "@/server/operations/monitoring/monitoring-sources";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { BackupCard } from "./backup-card";
import { HealthCard } from "./health-card";
import { MailHoursChart } from "./mail-hours-chart";
import { MailStateCard } from "./mail-state-card";
import { ProbesCard } from "./probes-card";
import { QueueChart } from "./queue-chart";

/** The dashboard refreshes itself this often; the server caches its sources for 5 s. */
const REFRESH_MS = 15_000;

/** Every section of the snapshot; a source that could not be read shows why instead of its section. */
export function MonitoringDashboard() {
  const t = useTranslations("monitoring");
  const fmt = useDisplayFormat();
  const trpc = useTRPC();
  const snap = useQuery({ ...trpc.operations.monitoring.snapshot.queryOptions(), refetchInterval: REFRESH_MS, refetchIntervalInBackground: false });

  if (snap.error && !snap.data) return <Alert type="error" showIcon title={t("loadFailed")} description={snap.error.message} />;
  if (!snap.data) return <Skeleton active />;
  const s = snap.data;
  const missing = (Object.entries(s.errors) as [SourceName, string][]).map(([source, error]) => (
    <Alert key={source} type="warning" showIcon title={t("sourceError", { source: t(`sources.${source}`) })} description={error} />
  ));
  /** One card; a section whose source could not be read says so (the warning above says why). */
  const section = (title: string, body: ReactNode | null) => (
    <Card title={title} size="small">
      {body ?? <Typography.Text type="secondary">{t("unavailable")}</Typography.Text>}
    </Card>
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary" data-testid="monitoring-updated">
        {t("updated", { time: fmt.shortDateTime(s.generatedAt), seconds: REFRESH_MS / 1000 })}
      </Typography.Text>
      {missing}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          {section(t("sections.health"), s.health && <HealthCard health={s.health} />)}
        </Col>
        <Col xs={24} xl={12}>
          {section(t("sections.queues"), s.queues && <QueueChart queues={s.queues} />)}
        </Col>
        <Col xs={24} xl={16}>
          {section(t("sections.hours"), s.hours && <MailHoursChart hours={s.hours} />)}
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {section(t("sections.mail"), s.mail && <MailStateCard mail={s.mail} />)}
            {section(t("sections.backup"), <BackupCard backup={s.backup} failed={"backup" in s.errors} now={s.generatedAt} />)}
          </Flex>
        </Col>
        <Col xs={24}>{section(t("sections.probes"), s.probes && <ProbesCard probes={s.probes} />)}</Col>
      </Row>
    </Flex>
  );
}
