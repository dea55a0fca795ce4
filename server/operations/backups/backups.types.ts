import { z } from "zod";
import type { BackupRun } from "@/server/generated/prisma/client.ts";

// Inputs of the backups procedures and the view of a run the portal shows.

export const ZStartBackupRequest = z.object({
  /** Becomes the run's id, so a retried click returns the run the first one started. */
  requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Use 8–64 letters, digits, - or _ (a UUID is fine) as the request key"),
});
export type TStartBackupRequest = z.infer<typeof ZStartBackupRequest>;

export const ZListBackupsRequest = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListBackupsRequest = z.input<typeof ZListBackupsRequest>;

export type BackupRunView = {
  id: string;
  kind: "scheduled" | "manual";
  status: "running" | "succeeded" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  fileName: string | null;
  bytes: number | null;
  sha256: string | null;
  tableCount: number | null;
  rowCount: number | null;
  /** 0–100 while running (rows written of the snapshot's total), 100 when succeeded. */
  progress: number;
  error: string | null;
};

export function toBackupRunView(run: BackupRun): BackupRunView {
  const progress = run.status === "succeeded" ? 100 : run.rowsTotal > 0 ? Math.min(99, Math.floor((run.rowsDone / run.rowsTotal) * 100)) : 0;
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    fileName: run.fileName,
    bytes: run.bytes === null ? null : Number(run.bytes),
    sha256: run.sha256,
    tableCount: run.tableCount,
    rowCount: run.rowCount,
    progress,
    error: run.error,
  };
}
