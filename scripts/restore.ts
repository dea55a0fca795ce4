// `npm run restore -- <file> [--force] [--database-url URL]` (docs/backups.md): verifies the
// whole file, then restores it into the database (DATABASE_URL unless --database-url), which
// must be empty unless --force. Exit code 0 when restored, 1 on any refusal or failure.
import { access } from "node:fs/promises";
import { parseArgs } from "node:util";
import { env } from "@/server/shared/env";
import { redact } from "@/server/shared/migrations/connection";
import { BackupFileError } from "@/server/operations/backups/backup-format";
import { restoreBackup } from "@/server/operations/backups/restore-backup";
import { stepReporter } from "./backup-progress";
import { runCli, UsageError } from "./cli-main";

const USAGE = `Usage: npm run restore -- <file.msbk> [--force] [--database-url URL]
  <file.msbk>       a backup written by npm run backup (its .sha256 beside it is checked too)
  --force           replace the rows of a non-empty database's backed-up tables
  --database-url    the target database (default DATABASE_URL); created and migrated when empty`;

function parseCli(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { force: { type: "boolean" }, "database-url": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) return null;
    if (positionals.length !== 1) throw new UsageError(positionals.length ? "give exactly one backup file" : "which backup file? give its path");
    return { file: positionals[0] ?? "", force: values.force ?? false, databaseUrl: values["database-url"] ?? env().DATABASE_URL };
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  if (!/^(mysql|mariadb):\/\//.test(args.databaseUrl)) throw new UsageError(`--database-url must start with mysql:// or mariadb://`);
  const exists = await access(args.file).then(() => true, () => false);
  if (!exists) throw new UsageError(`no such file: ${args.file}`);
  const progress = stepReporter(process.stderr);
  const started = performance.now();
  try {
    const result = await restoreBackup({
      filePath: args.file,
      databaseUrl: args.databaseUrl,
      force: args.force,
      log: (line) => console.error(line),
      onProgress: (table, done, total) => progress.update(table, done, total),
    });
    progress.done();
    const seconds = (performance.now() - started) / 1000;
    console.log(`Restored ${result.rowCount.toLocaleString("en-US")} rows in ${result.verified.header.tables.length} tables into ${redact(args.databaseUrl)} in ${seconds.toFixed(1)} s`);
    return 0;
  } catch (e) {
    progress.done();
    if (e instanceof BackupFileError) {
      console.error(`error: ${e.message}\nThe database was not touched.`);
      return 1;
    }
    throw e;
  }
}

runCli("restore", USAGE, main);
