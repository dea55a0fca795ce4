import { recordAudit, type AuditActor } from "@/server/audit/record-audit";
import { clock } from "@/server/shared/clock";
import { db } from "@/server/shared/db";
import { logger } from "@/server/shared/logger";
import { DomainError, say } from "@/server/shared/errors";
import { withNamedLock } from "@/server/shared/named-lock";
import { enqueue } from "@/server/shared/queues";
import { toBackupRunView, type BackupRunView, type TStartBackupRequest } from "./backups.types";

// The portal's "back up now": opens a manual BackupRun row and queues it for the backup worker
// (the portal process never writes the file itself). One backup at a time: a running one that
// started within STALE_RUNNING_MS makes a second start refuse; an older one is taken to have died.

export const STALE_RUNNING_MS = 2 * 3600_000;
const LOCK_WAIT_S = 10;
const log = logger("backups");

export async function startBackup(actor: AuditActor, input: TStartBackupRequest): Promise<BackupRunView> {
  const now = clock.now();
  const { run, created } = await withNamedLock("mailstead_backup_start", LOCK_WAIT_S, say("Another backup is being started; try again", "另一个备份正在启动，请稍后重试"), async (tx) => {
    const repeated = await tx.backupRun.findUnique({ where: { id: input.requestKey } });
    if (repeated) return { run: repeated, created: false };
    const running = await tx.backupRun.findFirst({ where: { status: "running", startedAt: { gt: new Date(now.getTime() - STALE_RUNNING_MS) } } });
    if (running) {
      throw new DomainError("CONFLICT", say(`A backup is already running (started ${running.startedAt.toISOString()})`, `已有备份正在进行（开始于 ${running.startedAt.toISOString()}）`));
    }
    const fresh = await tx.backupRun.create({ data: { id: input.requestKey, kind: "manual", requestedById: actor.id, startedAt: now } });
    await recordAudit(actor, { action: "backup.start", tenantId: null, target: { type: "BackupRun", id: fresh.id } }, tx);
    return { run: fresh, created: true };
  });
  // Queued after the commit, so the worker always finds the row; the job id makes a retry harmless.
  if (created || run.status === "running") {
    try {
      await enqueue("configBackup", { runId: run.id }, `backup-${run.id}`);
    } catch (e) {
      // Without its job the row would sit "running" and block the next start: record the failure.
      const failed = await db.backupRun.update({ where: { id: run.id }, data: { status: "failed", finishedAt: clock.now(), error: `could not queue the backup: ${String(e)}`.slice(0, 1000) } });
      log.error("could not queue a manual backup", { runId: failed.id, error: String(e) });
      throw new DomainError("UNAVAILABLE", say("The job queue (Redis) is not answering; try again later", "任务队列（Redis）无响应，请稍后重试"));
    }
  }
  return toBackupRunView(run);
}
