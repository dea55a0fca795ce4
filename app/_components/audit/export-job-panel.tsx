"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Progress, Typography } from "antd";
import { DownloadOutlined, ExportOutlined } from "@ant-design/icons";
import { toLocale, type Locale } from "@/server/shared/locale";
import { newRequestId, readableMessage, shownError } from "./trpc-error";

const POLL_MS = 1_000;

/** What the export job reports (AuditExport, both kinds of log). */
export type ExportJobView = {
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  rowCount: number | null;
  error: string | null;
  downloadUrl: string | null;
};

export type ExportJobApi = {
  /** Asks for an export of the filters the table shows; `requestId` is the idempotency key. */
  request: (job: { requestId: string; locale: Locale }) => Promise<{ id: string }>;
  status: (id: string) => Promise<ExportJobView>;
};

/**
 * "Export CSV" for the filters the table shows (the operation log and the login log share the
 * export job): asks for an export, polls its progress about once a second, then offers the file.
 * The request id is the idempotency key: a double click or a retried request for the same
 * filters gets the same export; a new export (other filters, or after the last one finished)
 * gets a new id. The parent keys this component by its filters, so changing them starts over
 * with a fresh id and no export shown. Texts come from the `namespace`'s `export.*` and `errors.*`.
 */
export function ExportJobPanel({ namespace, api }: { namespace: "audit" | "loginLog"; api: ExportJobApi }) {
  const t = useTranslations(namespace as "audit");
  const locale = toLocale(useLocale());
  const [requestId, setRequestId] = useState(newRequestId);
  const [exportId, setExportId] = useState<string | null>(null);

  const request = useMutation({ mutationFn: api.request, onSuccess: (s) => setExportId(s.id) });
  const status = useQuery({
    queryKey: [namespace, "export", exportId],
    queryFn: () => api.status(exportId ?? ""),
    enabled: exportId !== null,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === "done" || q.state.data?.status === "failed" ? false : POLL_MS),
  });
  const current = exportId ? status.data : undefined;
  const finished = current?.status === "done" || current?.status === "failed";

  function start() {
    const id = finished ? newRequestId() : requestId;
    setRequestId(id);
    request.mutate({ requestId: id, locale });
  }

  const requestError = shownError(request.error);
  const statusError = shownError(status.error);
  return (
    <Flex vertical gap={8} style={{ minWidth: 0 }}>
      <Flex align="center" gap={12} wrap>
        <Button
          icon={<ExportOutlined />}
          loading={request.isPending || (current !== undefined && !finished)}
          onClick={start}
          title={t("export.scopeNote")}
        >
          {finished ? t("export.again") : t("export.button")}
        </Button>
        {current && current.status !== "failed" && (
          <Flex align="center" gap={12} wrap role="status" aria-live="polite">
            <Progress
              percent={current.progress}
              status={current.status === "done" ? "success" : "active"}
              size="small"
              style={{ width: 200, marginBottom: 0 }}
            />
            <Typography.Text type="secondary">
              {current.status === "done"
                ? t("export.done", { rowCount: current.rowCount ?? 0 })
                : current.error
                  ? t("export.retrying", { error: current.error })
                  : t(`export.${current.status}`)}
            </Typography.Text>
            {current.downloadUrl && (
              <Button type="primary" icon={<DownloadOutlined />} href={current.downloadUrl}>
                {t("export.download")}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
      {current?.status === "failed" && (
        <Alert type="error" showIcon title={t("export.failed", { error: current.error ?? "" })} />
      )}
      {requestError && (
        <Alert type="error" showIcon title={t("errors.exportFailed")} description={readableMessage(requestError, t)} />
      )}
      {statusError && <Alert type="warning" showIcon title={t("errors.statusFailed")} description={readableMessage(statusError, t)} />}
    </Flex>
  );
}
