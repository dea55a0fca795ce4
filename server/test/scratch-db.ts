import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { parseEnv } from "@/server/shared/env";
import { quoteIdent, serverOptions, withDatabase } from "@/server/shared/migrations/connection";
import { migrate } from "@/server/shared/migrations/migrate";

// Throw-away databases for integration tests. Names carry the creating process's pid, so the
// global setup can drop the ones a crashed run left behind without touching a live run's.

export const SCRATCH_PREFIX = "ms_t_";
const NAME = /^ms_t_(\d+)_[0-9a-f]+$/;

/** The DATABASE_URL tests start from (its server is used; its database never is). */
export function baseDatabaseUrl(): string {
  return parseEnv(process.env).DATABASE_URL;
}

/** A unique id for this process: used for database names and queue prefixes. */
export function uniqueTestId(): string {
  return `${process.pid}_${randomBytes(4).toString("hex")}`;
}

/** The pid in a scratch database's name, or null when the name is not one of ours. */
export function scratchOwnerPid(name: string): number | null {
  const m = NAME.exec(name);
  return m ? Number(m[1]) : null;
}

export type ScratchDatabase = { name: string; url: string; drop(): Promise<void> };

/** A new empty database, or a migrated one with `migrated: true`. */
export async function createScratchDatabase(opts: { migrated?: boolean } = {}): Promise<ScratchDatabase> {
  const name = `${SCRATCH_PREFIX}${uniqueTestId()}`;
  const url = withDatabase(baseDatabaseUrl(), name);
  if (opts.migrated) {
    await migrate({ databaseUrl: url });
  } else {
    await runOnServer(url, `CREATE DATABASE ${quoteIdent(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  return { name, url, drop: () => dropDatabase(url, name) };
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await runOnServer(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
}

/** Runs SQL on the server of `url` (no database selected) over a short-lived connection. */
export async function runOnServer(url: string, sql: string): Promise<unknown> {
  const conn = await mysql.createConnection(serverOptions(url));
  try {
    return (await conn.query(sql))[0];
  } finally {
    await conn.end();
  }
}

/** A connection to the scratch database itself, for raw SQL in tests. */
export function connectTo(url: string): Promise<mysql.Connection> {
  return mysql.createConnection({ ...serverOptions(url), database: new URL(url).pathname.slice(1) });
}
