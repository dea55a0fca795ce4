import { createHash, randomUUID } from "node:crypto";
import type mysql from "mysql2/promise";
import { connectToServer, databaseName, quoteIdent } from "./connection";
import { DEFAULT_MIGRATIONS_DIR, isEmptyScript, readMigrations, type LocalMigration } from "./read-migrations";

// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy` would, keeping
// Prisma's own _prisma_migrations bookkeeping (architecture convention 8): the schema engine
// binary cannot be downloaded here, but wherever it exists it must agree with this runner.

export type MigrateOptions = {
  databaseUrl: string;
  dir?: string;
  log?: (line: string) => void;
  /** How long to wait for another runner on the same database to finish. */
  lockTimeoutSeconds?: number;
};

export type MigrateResult = { database: string; applied: string[]; alreadyApplied: number };

/** A refusal the operator must act on; the message says which migration and what to do. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

// Prisma's DDL for its bookkeeping table on MySQL, verbatim (with IF NOT EXISTS).
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

export type MigrationRecord = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * Creates the database when missing and applies every migration not yet recorded, in name
 * order. Holds a named lock for the whole run, so a second runner on the same database waits
 * and then finds nothing to do.
 */
export async function migrate(opts: MigrateOptions): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const database = databaseName(opts.databaseUrl);
  const local = await readMigrations(opts.dir ?? DEFAULT_MIGRATIONS_DIR);

  const conn = await connectToServer(opts.databaseUrl);
  try {
    await acquireLock(conn, database, opts.lockTimeoutSeconds ?? 120);
    // Prisma creates a missing MySQL database with this character set and collation.
    await conn.query(`CREATE DATABASE IF NOT EXISTS ${quoteIdent(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.query(`USE ${quoteIdent(database)}`);
    await conn.query(MIGRATIONS_TABLE_DDL);

    const records = await readRecords(conn);
    const pending = pendingMigrations(local, records, log);
    for (const migration of pending) {
      await applyOne(conn, migration, log);
    }
    log(pending.length ? `applied ${pending.length} migration(s) to ${database}` : `${database} is up to date`);
    return { database, applied: pending.map((m) => m.name), alreadyApplied: local.length - pending.length };
  } finally {
    // Closing the connection releases the lock too; releasing first is just tidier.
    await conn.query("DO RELEASE_LOCK(?)", [lockName(database)]).catch(() => {});
    await conn.end().catch(() => {});
  }
}

/** One lock per database: runners on different databases (parallel test files) never wait for each other. */
export function lockName(database: string): string {
  const name = `mailstead_migrate:${database}`;
  // Lock names are at most 64 characters; a long database name is hashed rather than cut (two cut names could collide).
  return name.length <= 64 ? name : `mailstead_migrate:${createHash("sha256").update(database).digest("hex").slice(0, 46)}`;
}

async function acquireLock(conn: mysql.Connection, database: string, timeoutSeconds: number) {
  const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT GET_LOCK(?, ?) AS got", [lockName(database), timeoutSeconds]);
  if (rows[0]?.got !== 1) {
    throw new MigrationError(
      `another migration runner has held the lock on ${database} for over ${timeoutSeconds} s; is one stuck? ` +
        `(SELECT IS_USED_LOCK('${lockName(database)}') gives the holder's connection id)`,
    );
  }
}

async function readRecords(conn: mysql.Connection): Promise<MigrationRecord[]> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    "SELECT id, migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name",
  );
  return rows as MigrationRecord[];
}

/**
 * Decides what to apply, refusing when the recorded history cannot be trusted: a failed or
 * unfinished migration (MySQL DDL is not transactional, so it may be half applied), or an
 * applied migration whose file has changed since.
 */
export function pendingMigrations(local: LocalMigration[], records: MigrationRecord[], log: (line: string) => void): LocalMigration[] {
  const live = records.filter((r) => r.rolled_back_at === null);
  const broken = live.find((r) => r.finished_at === null);
  if (broken) {
    throw new MigrationError(
      `migration ${broken.migration_name} failed or did not finish (its _prisma_migrations record has no finished_at). ` +
        `Its changes may be half applied: repair the database by hand, then mark it rolled back ` +
        `(UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE id = '${broken.id}', as \`prisma migrate resolve --rolled-back\` does) ` +
        `so it is applied again — or, on a development database, drop the database and migrate afresh.`,
    );
  }
  const applied = new Map(live.map((r) => [r.migration_name, r]));
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const record of applied.values()) {
    const file = byName.get(record.migration_name);
    if (!file) {
      log(`warning: migration ${record.migration_name} is applied to the database but missing from the migrations folder`);
    } else if (file.checksum !== record.checksum) {
      throw new MigrationError(
        `migration ${record.migration_name} was modified after it was applied (checksum ${record.checksum.slice(0, 12)}… in the database, ` +
          `${file.checksum.slice(0, 12)}… on disk). Never edit an applied migration: restore the file and add a new migration for the change.`,
      );
    }
  }
  return local.filter((m) => !applied.has(m.name));
}

async function applyOne(conn: mysql.Connection, migration: LocalMigration, log: (line: string) => void) {
  const id = randomUUID();
  log(`applying ${migration.name}`);
  await conn.query(
    "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)",
    [id, migration.checksum, migration.name],
  );
  try {
    if (!isEmptyScript(migration.sql)) await conn.query(migration.sql);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await conn.query("UPDATE _prisma_migrations SET logs = ? WHERE id = ?", [message, id]);
    throw new MigrationError(`migration ${migration.name} failed: ${message}`);
  }
  // Prisma counts each applied script as one step, then marks the migration finished.
  await conn.query("UPDATE _prisma_migrations SET applied_steps_count = 1, finished_at = NOW(3) WHERE id = ?", [id]);
}

export { DEFAULT_MIGRATIONS_DIR };
export { DatabaseDownError } from "./connection";
