import { access, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { db } from "@/server/shared/db";
import { clock } from "@/server/shared/clock";
import { env } from "@/server/shared/env";
import { logger } from "@/server/shared/logger";
import type { BackupRun } from "@/server/generated/prisma/client.ts";
import { filesToDelete, backupFileName } from "./backup-files";
import { writeBackupFile } from "./write-backup-file";

// One backup run, used by `npm run backup`, the daily job and the portal's "back up now": a
// BackupRun row records it (running → succeeded | failed, with progress), the file is written
// (write-backup-file.ts), and only after a success are files beyond BACKUP_KEEP deleted.

const log = logger("backups");
const PROGRESS_EVERY_MS = 1_000;

export type RunBackupOptions = {
  kind: "scheduled" | "manual";
  /** An existing row (opened by start-backup.ts for the portal); otherwise a new one is made. */
  runId?: string;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
};

export function backupDir(): string {
  const e = env();
  return path.resolve(e.BACKUP_DIR ?? path.join(e.DATA_DIR, "backups"));
}

export async function runBackup(opts: RunBackupOptions): Promise<BackupRun> {
  const run = opts.runId
    ? await db.backupRun.findUniqueOrThrow({ where: { id: opts.runId } })
    : await db.backupRun.create({ data: { kind: opts.kind, startedAt: clock.now() } });
  // A job delivered twice finds its row finished: nothing more to do.
  if (run.status !== "running") return run;

  const dir = backupDir();
  let lastWrite = 0;
  const onProgress = (rowsDone: number, rowsTotal: number) => {
    opts.onProgress?.(rowsDone, rowsTotal);
    const now = Date.now();
    if (now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    db.backupRun.update({ where: { id: run.id }, data: { rowsDone, rowsTotal } }).catch(() => {});
  };
  try {
    await refuseExisting(dir, run.startedAt);
    const file = await writeBackupFile({ databaseUrl: env().DATABASE_URL, dir, at: run.startedAt, onProgress });
    const done = await db.backupRun.update({
      where: { id: run.id },
      data: {
        status: "succeeded",
        finishedAt: clock.now(),
        fileName: file.fileName,
        bytes: BigInt(file.bytes),
        sha256: file.sha256,
        tableCount: file.tableCount,
        rowCount: file.rowCount,
        rowsDone: file.rowCount,
        rowsTotal: file.rowCount,
      },
    });
    log.info("backup written", { file: file.filePath, bytes: file.bytes, rows: file.rowCount });
    await pruneOldBackups(dir, env().BACKUP_KEEP);
    return done;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error("backup failed", { runId: run.id, error: message });
    await db.backupRun.update({ where: { id: run.id }, data: { status: "failed", finishedAt: clock.now(), error: message.slice(0, 1000) } });
    throw e;
  }
}

/** Keeps the newest `keep` backups (and their .sha256 files); returns the names deleted. */
export async function pruneOldBackups(dir: string, keep: number): Promise<string[]> {
  const old = filesToDelete(await readdir(dir), keep);
  for (const name of old) {
    await rm(path.join(dir, name), { force: true });
    await rm(path.join(dir, `${name}.sha256`), { force: true });
  }
  if (old.length) log.info("old backups deleted", { keep, deleted: old });
  return old;
}

/** Two runs in the same second would share a file name: the second must not replace the first. */
async function refuseExisting(dir: string, at: Date): Promise<void> {
  const name = backupFileName(at);
  const exists = await access(path.join(dir, name)).then(
    () => true,
    () => false,
  );
  if (exists) throw new Error(`a backup named ${name} already exists in ${dir}`);
}
