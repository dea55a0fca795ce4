"use client";

import { useTRPCClient } from "@/app/_trpc/client";
import type { TLoginLogFilters } from "@/server/auth/login-log/login-log-filters";
import { ExportJobPanel } from "@/app/_components/audit/export-job-panel";

/** The login log's "Export CSV": the same export job as the operation log (AuditExport kind "logins"). */
export function LoginLogExportPanel({ filters }: { filters: TLoginLogFilters }) {
  const client = useTRPCClient();
  return (
    <ExportJobPanel
      namespace="loginLog"
      api={{ request: (job) => client.security.loginLog.requestExport.mutate({ ...filters, ...job }), status: (id) => client.security.loginLog.exportStatus.query({ id }) }}
    />
  );
}
