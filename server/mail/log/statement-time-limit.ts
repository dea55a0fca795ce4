import { Prisma } from "@/server/generated/prisma/client.ts";

/**
 * `sql` cut off by MariaDB after `ms` (SET STATEMENT max_statement_time … FOR), so a chunk read
 * from a cold disk cannot carry a page far past its budget; null runs it unbounded. The limit
 * is a literal: MariaDB does not take a placeholder there.
 */
export function timed(sql: Prisma.Sql, ms: number | null): Prisma.Sql {
  if (ms === null) return sql;
  const seconds = (Math.max(ms, 1) / 1000).toFixed(3);
  return Prisma.sql`SET STATEMENT max_statement_time = ${Prisma.raw(seconds)} FOR ${sql}`;
}

/** MariaDB's "Query execution was interrupted (max_statement_time exceeded)" (error 1969), as Prisma's adapter reports it. */
export function isStatementTimeout(e: unknown): boolean {
  const meta = (e as { meta?: { driverAdapterError?: { cause?: { code?: number } } } } | null)?.meta;
  return meta?.driverAdapterError?.cause?.code === 1969;
}
