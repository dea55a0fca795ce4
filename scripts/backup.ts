// `npm run backup`: one configuration backup now, in this process (docs/backups.md). Writes
// <BACKUP_DIR>/mailstead-config-<UTC time>.msbk and its .sha256, records a BackupRun, and keeps the
// newest BACKUP_KEEP files. Exit code 0 when the backup succeeded, 1 otherwise.
import { runBackup, backupDir } from "@/server/operations/backups/run-backup";
import { stepReporter } from "./backup-progress";
import { runCli } from "./cli-main";

const USAGE = `Usage: npm run backup
  Writes a backup of all user and domain configuration, billing and SLA records to
  BACKUP_DIR (now ${backupDir()}); keeps the newest BACKUP_KEEP files.`;

async function main(): Promise<number> {
  if (process.argv.slice(2).some((a) => a === "-h" || a === "--help")) {
    console.log(USAGE);
    return 0;
  }
  if (process.argv.length > 2) {
    console.error(`error: npm run backup takes no arguments\n${USAGE}`);
    return 1;
  }
  const progress = stepReporter(process.stderr);
  const started = performance.now();
  const run = await runBackup({ kind: "manual", onProgress: (done, total) => progress.update("backup", done, total) });
  progress.done();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    [
      `Backup ${run.id}: ${run.status}`,
      `  file    ${backupDir()}/${run.fileName}`,
      `  size    ${Number(run.bytes).toLocaleString("en-US")} bytes`,
      `  rows    ${run.rowCount?.toLocaleString("en-US")} in ${run.tableCount} tables`,
      `  sha256  ${run.sha256}`,
      `  time    ${seconds.toFixed(1)} s`,
    ].join("\n"),
  );
  return 0;
}

runCli("backup", USAGE, main);
