"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Progress, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { CloudUploadOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { newRequestId } from "@/app/_components/audit/trpc-error";
import type { BackupRunView } from "@/server/operations/backups/backups.types";

const POLL_MS = 1_000;
// A week of daily runs plus manual ones fits on one page.
const PAGE_SIZE = 20;
const STATUS_COLOR = { running: "processing", succeeded: "success", failed: "error" } as const;

function bytes(n: number | null): string {
  if (n === null) return "—";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The list of backup runs; "back up now" queues a manual run and the list follows it until done. */
export function BackupsPanel() {
  const t = useTranslations("backups");
  const fmt = useDisplayFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  // Kept until the answer comes: a double click sends the same key and gets the same run.
  const [requestKey, setRequestKey] = useState<string | null>(null);
  const runs = useQuery({
    ...trpc.operations.backups.list.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === "running") ? POLL_MS : false),
  });
  const start = useMutation(
    trpc.operations.backups.start.mutationOptions({
      onSuccess: () => {
        setRequestKey(null);
        message.success(t("started"));
        void queryClient.invalidateQueries({ queryKey: trpc.operations.backups.list.pathKey() });
      },
      onError: (err) => (setRequestKey(null), message.error(err.message)),
    }),
  );
  const backUpNow = () => {
    const key = requestKey ?? newRequestId();
    setRequestKey(key);
    start.mutate({ requestKey: key });
  };

  const columns: TableColumnsType<BackupRunView> = [
    { title: t("columns.startedAt"), dataIndex: "startedAt", width: 150, render: (d: Date) => fmt.shortDateTime(d) },
    { title: t("columns.kind"), dataIndex: "kind", width: 90, render: (k: BackupRunView["kind"]) => t(`kind.${k}`) },
    {
      title: t("columns.status"),
      key: "status",
      width: 220,
      render: (_, r) =>
        r.status === "running" ? (
          <Space orientation="vertical" size={0} style={{ width: "100%" }}>
            <Tag color={STATUS_COLOR.running}>{t("status.running")}</Tag>
            <Progress percent={r.progress} status="active" size="small" aria-label={t("progress")} />
          </Space>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color={STATUS_COLOR[r.status]}>{t(`status.${r.status}`)}</Tag>
            {r.error && <Typography.Text type="danger" style={{ fontSize: 12 }}>{r.error}</Typography.Text>}
          </Space>
        ),
    },
    { title: t("columns.file"), dataIndex: "fileName", render: (f: string | null) => (f ? <Typography.Text copyable>{f}</Typography.Text> : "—") },
    { title: t("columns.size"), dataIndex: "bytes", width: 100, render: (b: number | null) => bytes(b) },
    { title: t("columns.rows"), key: "rows", width: 140, render: (_, r) => (r.rowCount === null ? "—" : t("rowsIn", { rows: fmt.count(r.rowCount), tables: r.tableCount ?? 0 })) },
    {
      title: t("columns.sha256"),
      dataIndex: "sha256",
      width: 130,
      render: (s: string | null) => (s ? <Typography.Text code copyable={{ text: s }}>{s.slice(0, 12)}</Typography.Text> : "—"),
    },
  ];

  const settings = runs.data?.settings;
  // One run at a time is enough: the button waits for the running one, and says why.
  const running = runs.data?.items.some((r) => r.status === "running") ?? false;
  if (runs.isError) return <Alert type="error" showIcon title={t("loadFailed")} description={runs.error.message} />;
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Button type="primary" icon={<CloudUploadOutlined />} loading={start.isPending} disabled={running} onClick={backUpNow}>
          {t("backUpNow")}
        </Button>
        {running && <Typography.Text type="warning">{t("runningHint")}</Typography.Text>}
        {settings && <Typography.Text type="secondary">{t("settings", { dir: settings.dir, keep: settings.keep, cron: settings.cron })}</Typography.Text>}
      </Space>
      <Table<BackupRunView>
        rowKey="id"
        size="middle"
        loading={runs.isFetching && !runs.data}
        dataSource={runs.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t("empty") }}
        scroll={{ x: 1000 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: runs.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
      />
      <Card size="small" title={t("restore.title")}>
        <Typography.Paragraph>{t("restore.intro")}</Typography.Paragraph>
        <Typography.Paragraph>
          <Typography.Text code copyable>
            {`npm run restore -- ${settings?.dir ?? "data/backups"}/mailstead-config-<time>.msbk --database-url mysql://root@127.0.0.1:3306/mailstead_restored`}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t("restore.checks")}</Typography.Paragraph>
      </Card>
    </Flex>
  );
}
