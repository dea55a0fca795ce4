"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Progress, Skeleton, Statistic, Table } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import { useTrpcFormErrors } from "@/app/_components/use-trpc-form-errors";
import { useDisplayFormat } from "@/app/_components/use-display-format";
import { COLUMN_DEFS } from "@/server/tenants/imports/import-columns";
import type { TImportDetail } from "@/server/tenants/imports/import-view";
import { useImportError } from "./use-import-error";

const POLL_MS = 1_000;

/** One import: its check (problems table) → the apply form → progress → the result file. */
export function ImportDetail({ importId, onClose }: { importId: string; onClose: () => void }) {
  const t = useTranslations("imports");
  const trpc = useTRPC();
  const errorText = useImportError();
  const query = useQuery({
    ...trpc.tenants.imports.get.queryOptions({ importId }),
    staleTime: 0,
    // The job's progress lives on the row: poll while it runs.
    refetchInterval: (q) => (q.state.data?.status === "applying" ? POLL_MS : false),
  });
  const d = query.data;
  const queryClient = useQueryClient();
  const status = d?.status;
  // The history shows the same import: refresh it when this one's status changes (e.g. to done).
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: trpc.tenants.imports.list.queryKey() });
  }, [status, queryClient, trpc]);
  return (
    <Card title={d ? t("detail.title", { name: d.fileName }) : null} extra={<Button onClick={onClose}>{t("detail.close")}</Button>} data-testid="import-detail">
      {query.error && <Alert type="error" showIcon title={errorText(query.error)} />}
      {!d && !query.error && <Skeleton active />}
      {d && <DetailBody d={d} />}
    </Card>
  );
}

function DetailBody({ d }: { d: TImportDetail }) {
  const t = useTranslations("imports");
  const f = useDisplayFormat();
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 5 }}>
        <Descriptions.Item label={t("detail.encoding")}>{d.encoding.toUpperCase()}</Descriptions.Item>
        <Descriptions.Item label={t("detail.rows")}>{f.count(d.totalRows)}</Descriptions.Item>
        <Descriptions.Item label={t("detail.errorRows")}>{f.count(d.errorRows)}</Descriptions.Item>
        <Descriptions.Item label={t("detail.willCreate")}>{f.count(d.willCreate)}</Descriptions.Item>
        <Descriptions.Item label={t("detail.willSkip")}>{f.count(d.willSkip)}</Descriptions.Item>
      </Descriptions>
      {d.fileProblems.map((m) => (
        <Alert key={m} type="error" showIcon title={m} />
      ))}
      {d.problemCount > 0 && <Problems d={d} />}
      {d.canApply && <ApplyForm d={d} />}
      {d.status !== "validated" && <ApplyProgress d={d} />}
    </Flex>
  );
}

function Problems({ d }: { d: TImportDetail }) {
  const t = useTranslations("imports");
  return (
    <>
      <Alert type="error" showIcon title={t("detail.problemsTitle", { count: d.errorRows })} description={d.problems.length < d.problemCount ? t("detail.moreProblems", { shown: d.problems.length, count: d.problemCount }) : undefined} />
      <Table
        size="small"
        rowKey={(p) => `${p.row}:${p.column}:${p.message}`}
        dataSource={d.problems}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        aria-label={t("detail.problemsTitle", { count: d.errorRows })}
        columns={[
          { title: t("detail.row"), dataIndex: "row", width: 80 },
          { title: t("detail.column"), dataIndex: "column", width: 200, render: (c: keyof typeof COLUMN_DEFS | null) => (c ? `${COLUMN_DEFS[c].zh} / ${COLUMN_DEFS[c].en}` : t("detail.wholeRow")) },
          { title: t("detail.message"), dataIndex: "message" },
        ]}
      />
    </>
  );
}

function ApplyForm({ d }: { d: TImportDetail }) {
  const t = useTranslations("imports");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ initialPassword?: string }>();
  const showErrors = useTrpcFormErrors(form);
  const [formError, setFormError] = useState<string | null>(null);
  const apply = useMutation(
    trpc.tenants.imports.start.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.tenants.imports.get.queryKey({ importId: d.id }), next);
        void queryClient.invalidateQueries({ queryKey: trpc.tenants.imports.pathKey() });
      },
      onError: (e) => setFormError(showErrors(e)),
    }),
  );
  return (
    <>
      <Alert type="success" showIcon title={t("detail.ready")} />
      {formError && <Alert type="error" showIcon title={formError} />}
      <Form form={form} layout="vertical" name="apply-import" onFinish={(v) => apply.mutate({ importId: d.id, initialPassword: v.initialPassword })} onValuesChange={() => setFormError(null)}>
        {d.needsInitialPassword && (
          <Form.Item name="initialPassword" label={t("detail.initialPassword")} extra={t("detail.initialPasswordHelp")} rules={[{ required: true, message: t("detail.initialPasswordHelp") }]}>
            <Input.Password autoComplete="new-password" style={{ maxWidth: 320 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={apply.isPending}>
          {t("detail.apply")}
        </Button>
      </Form>
    </>
  );
}

function ApplyProgress({ d }: { d: TImportDetail }) {
  const t = useTranslations("imports");
  const f = useDisplayFormat();
  const total = Math.max(1, d.totalRows);
  const percent = d.status === "done" ? 100 : Math.floor((d.processedRows / total) * 100);
  const status = d.status === "failed" ? "exception" : d.status === "done" ? "success" : "active";
  const title = d.status === "done" ? t("detail.done") : d.status === "failed" ? t("detail.failed") : t("detail.applying");
  return (
    <Flex vertical gap={12}>
      <Alert type={d.status === "failed" ? "error" : d.status === "done" ? "success" : "info"} showIcon title={title} description={d.error ?? undefined} />
      <Progress percent={percent} status={status} aria-label={t("detail.progress", { processed: d.processedRows, total: d.totalRows })} />
      <span>{t("detail.progress", { processed: f.count(d.processedRows), total: f.count(d.totalRows) })}</span>
      <Flex gap={32} wrap>
        <Statistic title={t("detail.created")} value={d.createdRows} />
        <Statistic title={t("detail.skipped")} value={d.skippedRows} />
        <Statistic title={t("detail.failedRows")} value={d.failedRows} />
      </Flex>
      {d.hasResult && (
        <Button icon={<DownloadOutlined />} href={`/api/tenants/imports/${d.id}/result`} style={{ alignSelf: "flex-start" }}>
          {t("detail.result")}
        </Button>
      )}
    </Flex>
  );
}
