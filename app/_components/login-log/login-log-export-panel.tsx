"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Progress, Typography } from "antd";
import { DownloadOutlined, ExportOutlined } from "@ant-design/icons";
import { useTRPC } from "@/app/_trpc/client";
import type { TLoginLogFilters } from "@/server/auth/login-log/login-log-filters";
import { toLocale } from "@/server/shared/locale";
import { newRequestId, readableMessage, shownError } from "@/app/_components/audit/trpc-error";

const POLL_MS = 1_000;

/**
 * "Export CSV" for the filters the table shows, through the same export job as the operation
 * log (AuditExport kind "logins"): asks for an export, polls its progress, then offers the file.
 * The request id is the idempotency key; the parent keys this component by its filters, so new
 * filters start over with a fresh id.
 */
export function LoginLogExportPanel({ filters }: { filters: TLoginLogFilters }) {
  const t = useTranslations("loginLog");
  const locale = toLocale(useLocale());
  const trpc = useTRPC();
  const [requestId, setRequestId] = useState(newRequestId);
  const [exportId, setExportId] = useState<string | null>(null);

  const request = useMutation(trpc.security.loginLog.requestExport.mutationOptions({ onSuccess: (s) => setExportId(s.id) }));
  const status = useQuery({
    ...trpc.security.loginLog.exportStatus.queryOptions({ id: exportId ?? "" }),
    enabled: exportId !== null,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === "done" || q.state.data?.status === "failed" ? false : POLL_MS),
  });
  const current = exportId ? status.data : undefined;
  const finished = current?.status === "done" || current?.status === "failed";

  function start() {
    const id = finished ? newRequestId() : requestId;
    setRequestId(id);
    request.mutate({ ...filters, requestId: id, locale });
  }

  const requestError = shownError(request.error);
  const statusError = shownError(status.error);
  return (
    <Flex vertical gap={8} style={{ minWidth: 0 }}>
      <Flex align="center" gap={12} wrap>
        <Button icon={<ExportOutlined />} loading={request.isPending || (current !== undefined && !finished)} onClick={start} title={t("export.scopeNote")}>
          {finished ? t("export.again") : t("export.button")}
        </Button>
        {current && current.status !== "failed" && (
          <Flex align="center" gap={12} wrap role="status" aria-live="polite">
            <Progress percent={current.progress} status={current.status === "done" ? "success" : "active"} size="small" style={{ width: 200, marginBottom: 0 }} />
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
      {current?.status === "failed" && <Alert type="error" showIcon title={t("export.failed", { error: current.error ?? "" })} />}
      {requestError && <Alert type="error" showIcon title={t("errors.exportFailed")} description={readableMessage(requestError, t)} />}
      {statusError && <Alert type="warning" showIcon title={t("errors.statusFailed")} description={readableMessage(statusError, t)} />}
    </Flex>
  );
}
