"use client";

import { useTranslations } from "next-intl";
import { Flex, Table, Tag, Tooltip, type TableColumnsType } from "antd";
import type { DependencyRow, MonitoringSnapshot } from "@/server/operations/monitoring/get-monitoring-snapshot.types";

const NAMES = ["mariadb", "redis", "rspamd", "spamassassin", "clamd", "mx", "submission", "pop3", "dns"] as const;
const isKnown = (n: string): n is (typeof NAMES)[number] => (NAMES as readonly string[]).includes(n);

/** Each dependency as a green or red tag with its check's latency; the error on hover and below. */
export function HealthCard({ health }: { health: NonNullable<MonitoringSnapshot["health"]> }) {
  const t = useTranslations("monitoring.health");
  const columns: TableColumnsType<DependencyRow> = [
    { title: t("columns.group"), dataIndex: "group", width: 110, render: (g: DependencyRow["group"]) => t(`groups.${g}`) },
    { title: t("columns.name"), dataIndex: "name", render: (n: string) => (isKnown(n) ? t(`names.${n}`) : n) },
    {
      title: t("columns.state"),
      key: "state",
      width: 150,
      render: (_, r) => (
        <Tooltip title={r.error ?? undefined}>
          <Tag color={r.ok ? "green" : "red"}>{r.ok ? t("up", { ms: r.latencyMs }) : t("down")}</Tag>
        </Tooltip>
      ),
    },
    { title: t("columns.error"), dataIndex: "error", render: (e: string | null) => e ?? "—", ellipsis: true },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Tag color={health.status === "ok" ? "green" : "red"}>{t(health.status === "ok" ? "portalOk" : "portalDegraded")}</Tag>
        <Tag color={health.services === "ok" ? "green" : "orange"}>{t(health.services === "ok" ? "servicesOk" : "servicesDegraded")}</Tag>
        <Tag>{t("version", { version: health.version })}</Tag>
      </Flex>
      <Table<DependencyRow>
        rowKey={(r) => `${r.group}.${r.name}`}
        columns={columns}
        dataSource={health.dependencies}
        pagination={false}
        size="small"
        scroll={{ x: 520 }}
      />
    </Flex>
  );
}
