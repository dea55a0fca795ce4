import { db } from "@/server/shared/db";
import { env } from "@/server/shared/env";
import { ZListBackupsRequest, toBackupRunView, type BackupRunView, type TListBackupsRequest } from "./backups.types";
import { backupDir } from "./run-backup";

export type BackupsPage = {
  items: BackupRunView[];
  total: number;
  page: number;
  pageSize: number;
  /** What the page tells the operator: where files go, how many are kept, when the daily run starts. */
  settings: { dir: string; keep: number; cron: string };
};

/** The operators' list of backup runs, newest first. */
export async function listBackups(input: TListBackupsRequest): Promise<BackupsPage> {
  const { page, pageSize } = ZListBackupsRequest.parse(input);
  const [rows, total] = await Promise.all([
    db.backupRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.backupRun.count(),
  ]);
  const e = env();
  return { items: rows.map(toBackupRunView), total, page, pageSize, settings: { dir: backupDir(), keep: e.BACKUP_KEEP, cron: e.BACKUP_CRON } };
}
