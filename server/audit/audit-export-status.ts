import type { AuditExport } from "@/server/generated/prisma/client.ts";

/** What the page polls: enough to draw the progress bar and, when done, the download link. */
export type TAuditExportStatus = {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  rowCount: number | null;
  /** A short reason; also set while a failed attempt waits for its retry (status queued). */
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  downloadUrl: string | null;
};

export function toAuditExportStatus(row: AuditExport): TAuditExportStatus {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    rowCount: row.rowCount,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    downloadUrl: row.status === "done" ? `/api/exports/${encodeURIComponent(row.id)}` : null,
  };
}
