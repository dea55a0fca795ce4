"use client";

import { useTRPCClient } from "@/app/_trpc/client";
import type { TAuditFilters } from "@/server/audit/audit-filters";
import { ExportJobPanel } from "./export-job-panel";

/** The operation log's "Export CSV" for the filters the table shows. */
export function AuditExportPanel({ filters }: { filters: TAuditFilters }) {
  const client = useTRPCClient();
  return (
    <ExportJobPanel
      namespace="audit"
      api={{ request: (job) => client.audit.requestExport.mutate({ ...filters, ...job }), status: (id) => client.audit.exportStatus.query({ id }) }}
    />
  );
}
