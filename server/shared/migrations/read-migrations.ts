import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type LocalMigration = {
  /** The folder name, e.g. 20261126000000_init; also the record's migration_name. */
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes: what Prisma stores in _prisma_migrations.checksum. */
  checksum: string;
};

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/** The migration folders under `dir` in name order (Prisma's order); other files are ignored. */
export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        throw new Error(`migration ${name} has no migration.sql (expected ${file})`);
      }
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

/** True when a script holds only comments and blanks (the server rejects an empty query). */
export function isEmptyScript(sql: string): boolean {
  return (
    sql
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*(--|#).*$/gm, "")
      .trim() === ""
  );
}
