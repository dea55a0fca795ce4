import mysql from "mysql2/promise";
import { serverOptions, databaseName } from "@/server/shared/migrations/connection";
import { env } from "@/server/shared/env";
import type { SqlStatement } from "./batch-statements";

// The store's own small mysql2 pool. It is the engine's hot path: on this box (2 cores, loaded)
// a batch of 20 messages' rows committed in a median 6.1 ms as one multi-statement round trip
// through mysql2, 7.1 ms as one query per statement, and 11.4 ms through Prisma's interactive
// transaction ($executeRawUnsafe); 1 message: 3.3 / 4.0 / 11.0 ms. The rest of the engine keeps
// using Prisma.

let pool: mysql.Pool | undefined;

/** The pool, opened on first use from DATABASE_URL. */
export function storePool(): mysql.Pool {
  const url = env().DATABASE_URL;
  pool ??= mysql.createPool({
    ...serverOptions(url),
    database: databaseName(url),
    // A batch goes as one "START TRANSACTION; …; COMMIT" round trip (runStatements). Every
    // value is a placeholder, so this opens no injection path.
    multipleStatements: true,
    connectionLimit: 4,
    // usedBytes and autoincrement ids are BIGINT: read them exactly.
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  return pool;
}

/** Closes the pool (engine shutdown, end of a test file). */
export async function closeStorePool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.end();
}

/** Thrown when COMMIT itself failed: the transaction may or may not have committed. */
export class CommitUnknownError extends Error {
  constructor(cause: unknown) {
    super(`the store's commit may or may not have happened: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Runs `work` in a transaction on one connection. A failure before COMMIT rolls back and
 * rethrows (nothing was written); a failure of COMMIT itself throws CommitUnknownError, since
 * then the caller must not assume the rows are absent.
 */
export async function inTransaction<R>(work: (conn: mysql.PoolConnection) => Promise<R>): Promise<R> {
  const conn = await storePool().getConnection();
  try {
    await conn.query("START TRANSACTION");
    let result: R;
    try {
      result = await work(conn);
    } catch (error) {
      await conn.query("ROLLBACK").catch(() => conn.destroy());
      throw error;
    }
    try {
      await conn.query("COMMIT");
    } catch (error) {
      conn.destroy();
      throw new CommitUnknownError(error);
    }
    return result;
  } finally {
    conn.release();
  }
}

/**
 * Runs the statements in order in one transaction, sent as one round trip. The server stops at
 * the first failing statement, before COMMIT, so an SQL error means nothing was written (we roll
 * back the open transaction); a lost connection means we cannot know (CommitUnknownError).
 */
export async function runStatements(statements: SqlStatement[]): Promise<void> {
  const conn = await storePool().getConnection();
  try {
    const sql = ["START TRANSACTION", ...statements.map((s) => s.sql), "COMMIT"].join(";\n");
    await conn.query(sql, statements.flatMap((s) => s.params));
  } catch (error) {
    const sqlError = typeof (error as { errno?: unknown }).errno === "number" && !(error as { fatal?: boolean }).fatal;
    if (!sqlError) {
      conn.destroy();
      throw new CommitUnknownError(error);
    }
    await conn.query("ROLLBACK").catch(() => conn.destroy());
    throw error;
  } finally {
    conn.release();
  }
}

const RETRYABLE = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);

/** True for a deadlock or lock wait timeout: InnoDB rolled back, and trying again may succeed. */
export function isLockConflict(error: unknown): boolean {
  return typeof error === "object" && error !== null && RETRYABLE.has((error as { errno?: number }).errno ?? 0);
}
