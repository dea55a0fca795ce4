import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectTo, baseDatabaseUrl, dropDatabase, SCRATCH_PREFIX, uniqueTestId } from "@/server/test/scratch-db";
import { withDatabase } from "./connection";
import { DEFAULT_MIGRATIONS_DIR, lockName as lockNameOf, MigrationError, migrate } from "./migrate";
import { readMigrations } from "./read-migrations";

// Each test migrates a database of its own (not the file's database from the setup file).
const created: { url: string; name: string }[] = [];
function freshUrl() {
  const name = `${SCRATCH_PREFIX}${uniqueTestId()}`;
  const url = withDatabase(baseDatabaseUrl(), name);
  created.push({ url, name });
  return url;
}
afterAll(async () => {
  for (const { url, name } of created) await dropDatabase(url, name);
});

async function records(url: string) {
  const conn = await connectTo(url);
  try {
    const [rows] = await conn.query(
      "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name",
    );
    return rows as { migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; logs: string | null }[];
  } finally {
    await conn.end();
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ms-migrations-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function addMigration(name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

describe("migrate", () => {
  it("creates a missing database and applies every migration, recorded the way Prisma records them", async () => {
    const url = freshUrl();
    const local = await readMigrations();
    const result = await migrate({ databaseUrl: url });

    expect(result.applied).toEqual(local.map((m) => m.name));
    expect(result.alreadyApplied).toBe(0);
    const rows = await records(url);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const file = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.checksum).toBe(local[i]!.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const conn = await connectTo(url);
    const [tables] = await conn.query("SHOW TABLES");
    await conn.end();
    expect((tables as object[]).length).toBeGreaterThan(1);
  });

  it("does nothing on a second run", async () => {
    const url = freshUrl();
    await migrate({ databaseUrl: url });
    const before = await records(url);
    const lines: string[] = [];
    const again = await migrate({ databaseUrl: url, log: (l) => lines.push(l) });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(before.length);
    expect(await records(url)).toEqual(before);
    expect(lines.join("\n")).toContain("is up to date");
  });

  it("applies a new migration after the ones already applied", async () => {
    const url = freshUrl();
    await migrate({ databaseUrl: url, dir });
    await addMigration("29990101000000_add_probe", "-- AddTable\nCREATE TABLE `Probe` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\n");
    await addMigration("29990102000000_empty", "-- This is an empty migration.\n");
    const result = await migrate({ databaseUrl: url, dir });
    expect(result.applied).toEqual(["29990101000000_add_probe", "29990102000000_empty"]);
    expect((await records(url)).filter((r) => r.finished_at !== null)).toHaveLength(result.alreadyApplied + 2);
  });

  it("refuses when an applied migration's file has changed, naming it", async () => {
    const url = freshUrl();
    await migrate({ databaseUrl: url, dir });
    const [first] = await readMigrations(dir);
    await appendFile(path.join(dir, first!.name, "migration.sql"), "\n-- an innocent-looking edit\n");

    const error = await migrate({ databaseUrl: url, dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(`migration ${first!.name} was modified after it was applied`);
  });

  it("records a failed migration and refuses to go on until it is resolved", async () => {
    const url = freshUrl();
    await migrate({ databaseUrl: url, dir });
    await addMigration("29990101000000_broken", "CREATE TABLE `Half` (`id` INTEGER PRIMARY KEY);\nSELECT * FROM `NoSuchTable`;\n");

    const failed = await migrate({ databaseUrl: url, dir }).catch((e: unknown) => e);
    expect((failed as Error).message).toMatch(/migration 29990101000000_broken failed: .*NoSuchTable/);
    const row = (await records(url)).find((r) => r.migration_name === "29990101000000_broken")!;
    expect(row.finished_at).toBeNull();
    expect(row.logs).toContain("NoSuchTable");

    const refused = await migrate({ databaseUrl: url, dir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MigrationError);
    expect((refused as Error).message).toContain("migration 29990101000000_broken failed or did not finish");

    // What `prisma migrate resolve --rolled-back` does, after a person repaired the database.
    const conn = await connectTo(url);
    await conn.query("DROP TABLE `Half`; UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE migration_name = '29990101000000_broken'");
    await conn.end();
    await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), "CREATE TABLE `Half` (`id` INTEGER PRIMARY KEY);\n");
    expect((await migrate({ databaseUrl: url, dir })).applied).toEqual(["29990101000000_broken"]);
  });

  it("lets two concurrent runners on one fresh database both succeed, applying each migration once", async () => {
    const url = freshUrl();
    const [a, b] = await Promise.all([migrate({ databaseUrl: url }), migrate({ databaseUrl: url })]);
    const local = await readMigrations();
    // One did the work while the other waited on the lock, then found nothing to do.
    expect([a.applied, b.applied].sort((x, y) => x.length - y.length)).toEqual([[], local.map((m) => m.name)]);
    const rows = await records(url);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
  });

  it("waits for a runner that holds the lock on its database, and only on its database", async () => {
    const url = freshUrl();
    const lockName = lockNameOf(new URL(url).pathname.slice(1));
    const holder = await connectTo(withDatabase(url, "mysql"));
    try {
      await holder.query("SELECT GET_LOCK(?, 5)", [lockName]);
      // Another database's runner (a parallel test file's) is not held up.
      await migrate({ databaseUrl: freshUrl() });

      const started = Date.now();
      const running = migrate({ databaseUrl: url });
      await new Promise((r) => setTimeout(r, 300));
      expect(await records(url).catch(() => [])).toEqual([]);
      await holder.query("SELECT RELEASE_LOCK(?)", [lockName]);
      expect((await running).applied.length).toBeGreaterThan(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);

      await holder.query("SELECT GET_LOCK(?, 5)", [lockName]);
      const error = await migrate({ databaseUrl: url, lockTimeoutSeconds: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toContain("another migration runner has held the lock");
    } finally {
      await holder.end();
    }
  });
});
