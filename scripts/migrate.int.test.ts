import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "@/server/shared/migrations/connection";
import { baseDatabaseUrl, dropDatabase, SCRATCH_PREFIX, uniqueTestId } from "@/server/test/scratch-db";

// The CLI as `npm run migrate` runs it: its exit code and what it tells a person.
const run = (databaseUrl: string) =>
  promisify(execFile)("node_modules/.bin/tsx", ["scripts/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` }),
  );

describe("npm run migrate", () => {
  const name = `${SCRATCH_PREFIX}${uniqueTestId()}`;
  const url = withDatabase(baseDatabaseUrl(), name);
  afterAll(() => dropDatabase(url, name));

  it("creates and migrates the database, then finds nothing to do", async () => {
    const first = await run(url);
    expect(first.out).toContain("applying 20261126000000_init");
    expect(first.code).toBe(0);
    const second = await run(url);
    expect(second.out).toContain(`${name} is up to date`);
    expect(second.code).toBe(0);
  });

  it("names MariaDB and how to start it when nothing answers, and exits non-zero", async () => {
    const down = await run("mysql://root@127.0.0.1:1/mailstead");
    expect(down.code).not.toBe(0);
    expect(down.out).toContain("MariaDB does not answer at 127.0.0.1:1");
    expect(down.out).toContain("npm start");
    expect(down.out).toContain("start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql");
  });
});
