import mysql from "mysql2/promise";
import { fileURLToPath } from "node:url";
import { databaseName, serverOptions } from "./migrations/connection";
import { compareShapes } from "./drift-compare";
import { readDatabaseShape } from "./drift-database";
import { expectedShape, readDatamodel } from "./drift-schema";

// Does the migrated database match schema.prisma? Migrations are hand-written SQL (architecture
// convention 8), so this check is what keeps them honest.

export const DEFAULT_SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

/** Every difference between schema.prisma and the database at `databaseUrl`, one line each. */
export async function checkDrift(opts: { databaseUrl: string; schemaPath?: string }): Promise<string[]> {
  const expected = expectedShape(await readDatamodel(opts.schemaPath ?? DEFAULT_SCHEMA_PATH));
  const conn = await mysql.createConnection(serverOptions(opts.databaseUrl));
  try {
    const actual = await readDatabaseShape(conn, databaseName(opts.databaseUrl));
    return compareShapes(expected, actual);
  } finally {
    await conn.end();
  }
}

/** The differences as one message for a failing test or a CLI. */
export function formatDrift(differences: string[]): string {
  return differences.length === 0
    ? "the database matches schema.prisma"
    : `the database differs from schema.prisma in ${differences.length} place(s):\n${differences.map((d) => `  - ${d}`).join("\n")}`;
}
